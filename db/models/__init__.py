"""ORM models, one module per table group; importing this registers them all."""

from db.models.agreement import Agreement, AgreementParty
from db.models.aid_package import AidPackage, AidPackageItem
from db.models.api_key import ApiKey, ApiKeyUsage
from db.models.article import Article, ArticleAuthor
from db.models.country import Country, CountryAlias
from db.models.dataset_version import DatasetVersion
from db.models.event import Event
from db.models.evidence import FACT_COLUMNS, Evidence
from db.models.fact_review import FactReview
from db.models.organization import Organization, OrganizationAlias
from db.models.outlet import Outlet
from db.models.person import Person, PersonAlias, PersonRole
from db.models.place import Place, PlaceAlias
from db.models.policy_decision import PolicyDecision
from db.models.statement import Statement
from db.models.topic import Topic

__all__ = [
    "FACT_COLUMNS",
    "Agreement",
    "AgreementParty",
    "AidPackage",
    "AidPackageItem",
    "ApiKey",
    "ApiKeyUsage",
    "Article",
    "ArticleAuthor",
    "Country",
    "CountryAlias",
    "DatasetVersion",
    "Event",
    "Evidence",
    "FactReview",
    "Organization",
    "OrganizationAlias",
    "Outlet",
    "Person",
    "PersonAlias",
    "PersonRole",
    "Place",
    "PlaceAlias",
    "PolicyDecision",
    "Statement",
    "Topic",
]
