"""The typed errors the client raises, each with a French message.

`Code` lives with the contract (the mock server needs it without the client); it is re-exported here.
"""

from __future__ import annotations

from .models.problems import Code as Code  # re-exported: `errors.Code` keeps working
from .models.problems import FieldError, Problem


class ApiError(Exception):
    """Base of every error the client raises. `message` is French and fit to show a user."""

    default_message = "Une erreur est survenue. Veuillez réessayer."

    def __init__(self, message: str | None = None, problem: Problem | None = None) -> None:
        self.problem = problem
        self.message = message or (problem.detail if problem else None) or self.default_message
        super().__init__(self.message)

    @property
    def code(self) -> str | None:
        return self.problem.code if self.problem else None

    @property
    def status(self) -> int | None:
        return self.problem.status if self.problem else None


class InvalidCredentials(ApiError):
    default_message = "Identifiant ou mot de passe incorrect."


class AccountLocked(ApiError):
    default_message = "Compte verrouillé après trop d'essais. Réessayez plus tard."

    @property
    def retry_after(self) -> int | None:
        """Seconds until the lockout ends, when the server said."""
        return self.problem.retry_after if self.problem else None


class SessionExpired(ApiError):
    default_message = "Votre session a expiré. Veuillez vous reconnecter."


class ValidationFailed(ApiError):
    default_message = "Certaines informations sont invalides."

    @property
    def field_errors(self) -> list[FieldError]:
        return self.problem.errors if self.problem else []


class NotFound(ApiError):
    default_message = "Élément introuvable."


class FileTooLarge(ApiError):
    default_message = "Le fichier dépasse la taille autorisée."


class UnsupportedType(ApiError):
    default_message = "Ce type de fichier n'est pas accepté."


class MedicalDocument(ApiError):
    default_message = (
        "Les documents contenant des informations médicales doivent être envoyés "
        "par courrier postal au service médical de votre MSA."
    )


class Conflict(ApiError):
    default_message = "Cette action a déjà été effectuée."


class NotEligible(ApiError):
    default_message = "Vous n'avez pas droit à ce document pour la période demandée."


class ServerUnavailable(ApiError):
    default_message = "Le service MSA est momentanément indisponible. Réessayez dans quelques instants."


class NetworkDown(ApiError):
    default_message = "Connexion impossible au service MSA. Vérifiez votre connexion réseau."


class InvalidResponse(ApiError):
    default_message = "Le serveur a envoyé une réponse illisible. Réessayez plus tard."


class FileUnreadable(ApiError):
    """A local file to upload vanished, became unreadable or changed while being sent."""

    default_message = "Le fichier est introuvable ou illisible. Vérifiez qu'il existe toujours."


class FileUnwritable(ApiError):
    """A downloaded file could not be written where asked."""

    default_message = "Impossible d'enregistrer le fichier à cet emplacement."


class ChecksumMismatch(ApiError):
    """The server's SHA-256 of an upload differs from the bytes the client read."""

    default_message = (
        "Le fichier reçu par le serveur ne correspond pas au fichier envoyé. "
        "Veuillez le joindre à nouveau."
    )


class CodeRequired(ApiError):
    """Account security (issue 14): the password was right and the second factor is on; a code was
    e-mailed. Not a refusal: finish with `MsaClient.login_code(nir, challenge, code)`."""

    default_message = "Un code de connexion vous a été envoyé par e-mail."

    def __init__(self, challenge: str, message: str | None = None) -> None:
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
}

_BY_STATUS: dict[int, type[ApiError]] = {
    401: SessionExpired,
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
