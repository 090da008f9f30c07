from djangorestframework_camel_case.render import CamelCaseJSONRenderer as _CamelCaseJSONRenderer


class CamelCaseJSONRenderer(_CamelCaseJSONRenderer):
    """lowerCamelCase JSON; problem details keep their own media type."""

    media_type = "application/json"


class ProblemJSONRenderer(_CamelCaseJSONRenderer):
    media_type = "application/problem+json"
    format = "problem+json"
