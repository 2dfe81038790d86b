"""The typed errors: each says in French what went wrong, even when the server gave no detail."""

from __future__ import annotations

from msa_tui.api import errors
from msa_tui.api.models.problems import FieldError, Problem


def _subclasses(cls: type[errors.ApiError]) -> list[type[errors.ApiError]]:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *_subclasses(direct))]


def test_every_error_has_a_french_message_of_its_own():
    kinds = _subclasses(errors.ApiError)
    assert len(kinds) >= 16
    messages = {kind: kind().message for kind in kinds}
    assert all(message and message != errors.ApiError.default_message for message in messages.values())
    assert errors.NotFound().message == "Élément introuvable."


def test_what_the_problem_says_is_on_the_error():
    problem = Problem(type="about:blank", title="Verrouillé", status=423, detail="Compte verrouillé.",
                      code="account_locked", retry_after=840,
                      errors=[FieldError(field="nir", message="Numéro inconnu.")])
    error = errors.error_for(problem)
    assert isinstance(error, errors.AccountLocked)
    assert (error.message, error.code, error.status, error.retry_after) == ("Compte verrouillé.", "account_locked",
                                                                            423, 840)
    assert error.field_errors == problem.errors
    bare = errors.ValidationFailed()
    assert (bare.code, bare.status, bare.retry_after, bare.field_errors) == (None, None, None, [])
