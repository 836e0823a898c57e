"""Applicant-tracking records: candidates, their applications, and jobs."""

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Address, Email, EmploymentType, Metadata, Reference, Telephone

__all__ = [
    "AtsAnswer",
    "AtsApplication",
    "AtsApplicationStatus",
    "AtsCandidate",
    "AtsCandidateOrigin",
    "AtsCompensation",
    "AtsCompensationFrequency",
    "AtsCompensationType",
    "AtsEducation",
    "AtsEmail",
    "AtsExperience",
    "AtsGroup",
    "AtsGroupType",
    "AtsJob",
    "AtsJobStatus",
    "AtsOffer",
    "AtsOfferStatus",
    "AtsOpening",
    "AtsOpeningStatus",
    "AtsPosting",
]


class AtsCandidateOrigin(OpenEnum):
    """How a candidate entered the pipeline."""

    AGENCY = "AGENCY"
    APPLIED = "APPLIED"
    INTERNAL = "INTERNAL"
    REFERRED = "REFERRED"
    SOURCED = "SOURCED"
    UNIVERSITY = "UNIVERSITY"


@attrs.define(kw_only=True)
class AtsEmail(Email):
    """A candidate's email address, with the name it is addressed to."""

    name: str | None = None


@attrs.define(kw_only=True)
class AtsEducation(Model):
    """A school or degree on a candidate's record."""

    institution: str | None = None
    degree: str | None = None
    field_of_study: str | None = None
    level: str | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None


@attrs.define(kw_only=True)
class AtsExperience(Model):
    """A past position on a candidate's record."""

    company_name: str | None = None
    title: str | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None


@register("ats", "candidate")
@attrs.define(kw_only=True)
class AtsCandidate(Record):
    """A person considered for one or more jobs.

    Attributes:
        company_name: The candidate's current employer; ``company_id`` is the hiring company.
        sources: Where the candidate was found (job boards, referrals, ...).
        user_id: The recruiter who owns the candidate; ``user_ids`` are all who follow them.
        external_identifier: The candidate's id in another system.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    summary: str | None = None
    image_url: str | None = None
    web_url: str | None = None
    company_name: str | None = None
    company_id: str | None = None
    date_of_birth: datetime | None = None
    emails: list[AtsEmail] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    link_urls: list[str] | None = None
    origin: AtsCandidateOrigin | str | None = None
    sources: list[str] | None = None
    skills: list[str] | None = None
    tags: list[str] | None = None
    job_ids: list[str] | None = None
    user_id: str | None = None
    user_ids: list[str] | None = None
    external_identifier: str | None = None
    education: list[AtsEducation] | None = None
    experiences: list[AtsExperience] | None = None
    metadata: list[Metadata] | None = None


class AtsApplicationStatus(OpenEnum):
    """Where an application stands in the hiring process."""

    NEW = "NEW"
    REVIEWING = "REVIEWING"
    SCREENING = "SCREENING"
    SUBMITTED = "SUBMITTED"
    FIRST_INTERVIEW = "FIRST_INTERVIEW"
    SECOND_INTERVIEW = "SECOND_INTERVIEW"
    THIRD_INTERVIEW = "THIRD_INTERVIEW"
    BACKGROUND_CHECK = "BACKGROUND_CHECK"
    OFFERED = "OFFERED"
    ACCEPTED = "ACCEPTED"
    HIRED = "HIRED"
    REJECTED = "REJECTED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"


class AtsOfferStatus(OpenEnum):
    """Where a job offer stands."""

    CREATED = "CREATED"
    SENT = "SENT"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"


class AtsCompensationType(OpenEnum):
    """The kind of pay a compensation describes."""

    SALARY = "SALARY"
    BONUS = "BONUS"
    STOCK_OPTIONS = "STOCK_OPTIONS"
    EQUITY = "EQUITY"
    OTHER = "OTHER"


class AtsCompensationFrequency(OpenEnum):
    """The period a compensation amount is paid per."""

    ONE_TIME = "ONE_TIME"
    DAY = "DAY"
    QUARTER = "QUARTER"
    YEAR = "YEAR"
    HOUR = "HOUR"
    MONTH = "MONTH"
    WEEK = "WEEK"


@attrs.define(kw_only=True)
class AtsCompensation(Model):
    """A pay range offered for a job or in an offer.

    Attributes:
        min: The low end of the range.
        max: The high end of the range.
    """

    type: AtsCompensationType | str | None = None
    frequency: AtsCompensationFrequency | str | None = None
    min: float | None = None
    max: float | None = None
    currency: str | None = None


@attrs.define(kw_only=True)
class AtsAnswer(Model):
    """A candidate's answer to an application question.

    Attributes:
        answers: The answer, as one or more strings.
        question: The question's text.
    """

    question_id: str | None = None
    answers: list[str] | None = None
    question: str | None = None


@attrs.define(kw_only=True)
class AtsOffer(Model):
    """A job offer made on an application.

    Attributes:
        start_at: The proposed start date.
        employee_user_id: The HR employee the candidate became, once hired.
    """

    id: str | None = None
    status: AtsOfferStatus | str | None = None
    sent_at: datetime | None = None
    accepted_at: datetime | None = None
    rejected_at: datetime | None = None
    start_at: datetime | None = None
    compensation: list[AtsCompensation] | None = None
    creator_user_id: str | None = None
    employee_user_id: str | None = None


@register("ats", "application")
@attrs.define(kw_only=True)
class AtsApplication(Record):
    """A candidate's application to a job.

    Attributes:
        original_status: The provider's own status (``status`` is its normalised form).
        original_substatus: The provider's own sub-status.
    """

    candidate_id: str | None = None
    job_id: str | None = None
    status: AtsApplicationStatus | str | None = None
    original_status: str | None = None
    original_substatus: str | None = None
    applied_at: datetime | None = None
    hired_at: datetime | None = None
    rejected_at: datetime | None = None
    rejected_reason: str | None = None
    source: str | None = None
    summary: str | None = None
    user_id: str | None = None
    answers: list[AtsAnswer] | None = None
    offers: list[AtsOffer] | None = None
    metadata: list[Metadata] | None = None


class AtsJobStatus(OpenEnum):
    """Whether a job is open for applications."""

    ARCHIVED = "ARCHIVED"
    PENDING = "PENDING"
    DRAFT = "DRAFT"
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class AtsGroupType(OpenEnum):
    """The kind of organisational unit a job belongs to."""

    TEAM = "TEAM"
    GROUP = "GROUP"
    DEPARTMENT = "DEPARTMENT"
    DIVISION = "DIVISION"
    BUSINESS_UNIT = "BUSINESS_UNIT"
    BRANCH = "BRANCH"
    SUB_DEPARTMENT = "SUB_DEPARTMENT"


class AtsOpeningStatus(OpenEnum):
    """Whether a job opening (a seat to fill) is still open."""

    OPEN = "OPEN"
    CLOSED = "CLOSED"


@attrs.define(kw_only=True)
class AtsGroup(Model):
    """An organisational unit (team, department, ...) a job belongs to."""

    id: str | None = None
    name: str | None = None
    type: AtsGroupType | str | None = None


@attrs.define(kw_only=True)
class AtsOpening(Model):
    """One seat to fill for a job.

    Attributes:
        application_id: The application that filled it.
    """

    status: AtsOpeningStatus | str | None = None
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    close_reason: str | None = None
    application_id: str | None = None


@attrs.define(kw_only=True)
class AtsPosting(Model):
    """A job ad published on a job board or careers site.

    Attributes:
        location: The location as the ad words it; ``address`` is its structured form.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    posting_url: str | None = None
    is_active: bool | None = None
    location: str | None = None
    address: Address | None = None


@register("ats", "job")
@attrs.define(kw_only=True)
class AtsJob(Record):
    """A job (a requisition) that candidates apply to.

    Attributes:
        remote: Whether the job can be done remotely.
        addresses: Where the job is located.
        hiring_managers: The hiring managers by id and name (``hiring_manager_ids`` holds ids).
        number_of_openings: How many seats the job has (a JSON number).
        public_job_urls: Links to the published job ads.
        questions: The application questions, as the API sends them (their shape varies).
    """

    name: str | None = None
    description: str | None = None
    summary: str | None = None
    status: AtsJobStatus | str | None = None
    employment_type: EmploymentType | str | None = None
    remote: bool | None = None
    addresses: list[Address] | None = None
    compensation: list[AtsCompensation] | None = None
    groups: list[AtsGroup] | None = None
    hiring_manager_ids: list[str] | None = None
    recruiter_ids: list[str] | None = None
    hiring_managers: list[Reference] | None = None
    number_of_openings: float | None = None
    openings: list[AtsOpening] | None = None
    postings: list[AtsPosting] | None = None
    public_job_urls: list[str] | None = None
    questions: list[dict[str, Any]] | None = None
    skills: list[str] | None = None
    industry: str | None = None
    language_locale: str | None = None
    minimum_degree: str | None = None
    minimum_experience_years: float | None = None
    company_id: str | None = None
    user_id: str | None = None
    closed_at: datetime | None = None
    metadata: list[Metadata] | None = None
