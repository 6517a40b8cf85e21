using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServiceDefaults.Telemetry;

/// <summary>HTTP server semantic conventions (v1.x stable) applied to the hosting activity.</summary>
internal static class ServerSpan
{
    private const string OtherMethod = "_OTHER";

    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "QUERY",
    };

    /// <summary>
    /// Clearing the flag before any other middleware runs means spans started below this one
    /// (HttpClient, Npgsql, a health check's own work) are sampled out too, since the SDK's
    /// default sampler follows the parent, and downstream services receive an unsampled traceparent.
    /// </summary>
    public static void Unrecord(Activity activity)
    {
        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        activity.IsAllDataRequested = false;
    }

    public static void TagRequest(Activity activity, HttpContext context)
    {
        var request = context.Request;
        var method = Method(request.Method);
        activity.SetTag("http.request.method", method);
        if (method == OtherMethod)
        {
            activity.SetTag("http.request.method_original", request.Method);
        }

        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.PathBase.Add(request.Path).Value ?? "/");
        if (request.QueryString.HasValue)
        {
            activity.SetTag("url.query", UrlQueryRedactor.Redact(request.QueryString.Value!));
        }

        if (request.Host.HasValue)
        {
            activity.SetTag("server.address", request.Host.Host);
            activity.SetTag("server.port", request.Host.Port ?? (request.IsHttps ? 443 : 80));
        }

        activity.SetTag("network.protocol.version", ProtocolVersion(request.Protocol));
        if (request.Headers.UserAgent.Count > 0)
        {
            activity.SetTag("user_agent.original", request.Headers.UserAgent.ToString());
        }

        if (context.Connection.RemoteIpAddress is { } client)
        {
            activity.SetTag("client.address", client.ToString());
        }

        activity.DisplayName = method == OtherMethod ? "HTTP" : method;
    }

    public static void TagResponse(Activity activity, HttpContext context, Exception? unhandled)
    {
        var handled = context.Features.Get<IExceptionHandlerFeature>();

        // The exception handler clears the endpoint before it writes its response; it keeps a copy.
        if ((context.GetEndpoint() ?? handled?.Endpoint) is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            activity.SetTag("http.route", route);
            var method = Method(context.Request.Method);
            activity.DisplayName = method == OtherMethod ? $"HTTP {route}" : $"{method} {route}";
        }

        // An exception escaping to the server becomes a 500 unless the response had already started.
        var status = unhandled is not null && !context.Response.HasStarted
            ? StatusCodes.Status500InternalServerError
            : context.Response.StatusCode;
        activity.SetTag("http.response.status_code", status);

        // 4xx is the client's error, not the server's: the span status stays unset for those.
        if (unhandled is null && status < 500)
        {
            return;
        }

        var exception = unhandled ?? handled?.Error;
        activity.SetTag("error.type", exception?.GetType().FullName ?? status.ToString(CultureInfo.InvariantCulture));
        activity.SetStatus(ActivityStatusCode.Error);
        if (exception is not null)
        {
            activity.AddException(exception);
        }
    }

    private static string Method(string method) => KnownMethods.Contains(method) ? method : OtherMethod;

    private static string ProtocolVersion(string protocol) => protocol switch
    {
        "HTTP/1.0" => "1.0",
        "HTTP/1.1" => "1.1",
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        _ => protocol,
    };
}
