"""The typed errors the client raises, each with a French message.

`Code` lives with the contract (the mock server needs it without the client); it is re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models.codes import Code as Code  # re-exported: `errors.Code` keeps working (no pydantic loaded)

if TYPE_CHECKING:  # the problem model is loaded only when an error answer comes (pydantic is slow to import)
    from .models.problems import FieldError, Problem


class ApiError(Exception):
    """Base of every error the client raises. `message` is French and fit to show a user."""

    default_message = "Une erreur est survenue. Veuillez réessayer."

    def __init__(self, message: str | None = None, problem: Problem | None = None) -> None:
        self.problem = problem
        self.message = message or (problem.detail if problem else None) or self.default_message
        super().__init__(self.message)
        self.code: str | None = problem.code if problem else None
        self.status: int | None = problem.status if problem else None
        self.retry_after: int | None = problem.retry_after if problem else None
        """Seconds until a lockout (AccountLocked) or a throttle ends, when the server said."""
        self.field_errors: list[FieldError] = problem.errors if problem else []
        """The refused fields of a ValidationFailed, each with its French message."""


class InvalidCredentials(ApiError):
    pass


class AccountLocked(ApiError):
    pass


class SessionExpired(ApiError):
    pass


class ValidationFailed(ApiError):
    pass


class NotFound(ApiError):
    pass


class FileTooLarge(ApiError):
    pass


class UnsupportedType(ApiError):
    pass


class MedicalDocument(ApiError):
    pass


class Conflict(ApiError):
    """The action was already done (sent, registered, filed), or the slot was taken meanwhile."""


class NotEligible(ApiError):
    pass


class ServerUnavailable(ApiError):
    pass


class NetworkDown(ApiError):
    pass


class InvalidResponse(ApiError):
    pass


class FileUnreadable(ApiError):
    """A local file to upload vanished, became unreadable or changed while being sent."""


class FileUnwritable(ApiError):
    """A downloaded file could not be written where asked."""


class ChecksumMismatch(ApiError):
    """The server's SHA-256 of an upload differs from the bytes the client read."""


_MESSAGES: dict[type[ApiError], str] = {
    InvalidCredentials: "Identifiant ou mot de passe incorrect.",
    AccountLocked: "Compte verrouillé après trop d'essais. Réessayez plus tard.",
    SessionExpired: "Votre session a expiré. Veuillez vous reconnecter.",
    ValidationFailed: "Certaines informations sont invalides.",
    NotFound: "Élément introuvable.",
    FileTooLarge: "Le fichier dépasse la taille autorisée.",
    UnsupportedType: "Ce type de fichier n'est pas accepté.",
    MedicalDocument: ("Les documents contenant des informations médicales doivent être envoyés "
                      "par courrier postal au service médical de votre MSA."),
    Conflict: "Cette action a déjà été effectuée.",
    NotEligible: "Vous n'avez pas droit à ce document pour la période demandée.",
    ServerUnavailable: "Le service MSA est momentanément indisponible. Réessayez dans quelques instants.",
    NetworkDown: "Connexion impossible au service MSA. Vérifiez votre connexion réseau.",
    InvalidResponse: "Le serveur a envoyé une réponse illisible. Réessayez plus tard.",
    FileUnreadable: "Le fichier est introuvable ou illisible. Vérifiez qu'il existe toujours.",
    FileUnwritable: "Impossible d'enregistrer le fichier à cet emplacement.",
    ChecksumMismatch: ("Le fichier reçu par le serveur ne correspond pas au fichier envoyé. "
                       "Veuillez le joindre à nouveau."),
}
"""Each error's French message when the server gave none: all in one table, to review them together."""
for _error, _message in _MESSAGES.items():
    _error.default_message = _message

class Forbidden(ApiError):
    """403: a procuration does not allow this (procurations: acting for a principal)."""

    default_message = "Vous n'êtes pas autorisé à effectuer cette action."


class ProcurationEnded(Forbidden):
    """The procuration acted through is no longer active (revoked): the grantee goes back to their own space."""

    default_message = "Cette procuration n'est plus active : vous ne pouvez plus agir pour cette personne."


class OutOfScope(Forbidden):
    """The procuration acted through does not cover this action."""

    default_message = "Cette action n'entre pas dans la procuration."


class CodeRequired(ApiError):
    """Account security (issue 14): the password was right and the second factor is on; a code was
    e-mailed. Not a refusal: finish with `MsaClient.login_code(nir, challenge, code)`."""

    default_message = "Un code de connexion vous a été envoyé par e-mail."

    def __init__(self, challenge: str = "", message: str | None = None) -> None:
        super().__init__(message)
        self.challenge = challenge


_BY_CODE: dict[str, type[ApiError]] = {
    Code.invalid_credentials: InvalidCredentials,
    Code.account_locked: AccountLocked,
    Code.unauthorized: SessionExpired,
    Code.invalid_refresh_token: SessionExpired,
    Code.validation_error: ValidationFailed,
    Code.invalid_code: ValidationFailed,
    Code.not_found: NotFound,
    Code.file_too_large: FileTooLarge,
    Code.body_too_large: FileTooLarge,
    Code.unsupported_type: UnsupportedType,
    Code.medical_document: MedicalDocument,
    Code.already_sent: Conflict,
    Code.already_registered: Conflict,
    Code.already_filed: Conflict,
    Code.slot_taken: Conflict,
    Code.not_eligible: NotEligible,
    Code.procuration_not_active: ProcurationEnded,  # procurations: acting for a principal
    Code.procuration_out_of_scope: OutOfScope,
    Code.procuration_wrong_party: Forbidden,
}

_BY_STATUS: dict[int, type[ApiError]] = {
    401: SessionExpired,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: FileTooLarge,
    415: UnsupportedType,
    422: ValidationFailed,
    423: AccountLocked,
}


def error_for(problem: Problem) -> ApiError:
    """The typed error for a problem the server sent."""
    cls = _BY_CODE.get(problem.code) or _BY_STATUS.get(problem.status)
    if cls is None:
        cls = ServerUnavailable if problem.status >= 500 else ApiError
    return cls(problem=problem)


def error_from_answer(status: int, content_type: str, body: bytes, retry_after: str | None = None) -> ApiError:
    """The typed error for a non-2xx answer, whichever transport read it.

    A problem+json body maps through its code; a 5xx with anything else is the server being
    unavailable; any other unreadable answer is an InvalidResponse. A Retry-After header fills
    the problem's `retry_after` when the body did not say.
    """
    problem = _problem_of(content_type, body)
    if problem is not None:
        if problem.retry_after is None and retry_after is not None:
            try:
                problem.retry_after = int(retry_after)
            except ValueError:
                pass
        return error_for(problem)
    if status >= 500:
        return ServerUnavailable()
    return InvalidResponse()


def _problem_of(content_type: str, body: bytes) -> Problem | None:
    if "json" not in content_type:
        return None
    from pydantic import ValidationError

    from .models.problems import Problem

    try:
        return Problem.model_validate_json(body)
    except (ValidationError, ValueError):
        return None
