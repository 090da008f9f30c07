from djangorestframework_camel_case.render import CamelCaseJSONRenderer as _CamelCaseJSONRenderer


class CamelCaseJSONRenderer(_CamelCaseJSONRenderer):
    """lowerCamelCase JSON; problem details keep their own media type."""

    media_type = "application/json"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            # An error message may echo input with a lone surrogate, which UTF-8 cannot carry;
            # JSON's \u escapes can. (Renderers are created per request, so this is local.)
            self.ensure_ascii = True
            return super().render(data, accepted_media_type, renderer_context)


class ProblemJSONRenderer(CamelCaseJSONRenderer):
    media_type = "application/problem+json"
    format = "problem+json"
