"""Passwords, API tokens and the token cache of the platform's authentication."""

from wlz.platform.auth import TokenCache, hash_password, new_token, password_matches, token_hash


def test_a_password_matches_only_its_hash_and_no_hash_never_matches():
    h = hash_password("een-lang-wachtwoord")
    assert password_matches(h, "een-lang-wachtwoord")
    assert not password_matches(h, "een-ander-wachtwoord")
    assert not password_matches(None, "niet-bestaand-account")  # the dummy hash's own password
    assert not password_matches("geen-argon2-hash", "x")


def test_a_token_is_stored_only_as_its_sha256():
    token = new_token()
    assert token.startswith("wlz_") and len(token_hash(token)) == 64 and token not in token_hash(token)
    assert token_hash(token) == token_hash(token) != token_hash(new_token())


def test_the_token_cache_forgets_after_its_time_and_stays_bounded():
    klok = [0.0]
    cache: TokenCache[str] = TokenCache(ttl=2, clock=lambda: klok[0], maximum=2)
    cache.put("a", "actor")
    assert cache.get("a") == "actor"
    klok[0] = 2.0
    assert cache.get("a") is None
    for k in "bcd":
        cache.put(k, k)
    assert cache.get("d") == "d" and len(cache._actors) <= 2
    cache.clear()
    assert cache.get("d") is None
