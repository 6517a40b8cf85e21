namespace Dashboard.Frontend;

/// <summary>
/// htmx marks its requests with <c>HX-Request: true</c>. Posts that change state require it: a cross-site form cannot
/// set the header (and the cookie is SameSite=Strict anyway).
/// </summary>
internal static class Htmx
{
    public static bool IsRequest(HttpRequest request) => request.Headers["HX-Request"] == "true";
}
