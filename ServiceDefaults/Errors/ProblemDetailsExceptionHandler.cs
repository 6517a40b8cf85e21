using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceDefaults.Errors;

/// <summary>
/// Turns what nothing else handled into ProblemDetails: <see cref="BadHttpRequestException"/> keeps its
/// status (400 for a malformed body) and its framework-written message, anything else is a 500 that
/// says nothing about the exception. The trace id the ProblemDetails service adds leads to the details.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetailsService,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (await HandledByLaterHandlersAsync(httpContext, exception, cancellationToken))
        {
            return true;
        }

        var request = httpContext.Request;
        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            Log.BadRequest(logger, request.Method, request.Path, badRequest.StatusCode, badRequest.Message);
            problem = new ProblemDetails { Status = badRequest.StatusCode, Detail = badRequest.Message };
        }
        else
        {
            // Since .NET 10 the middleware stays silent about exceptions a handler took care of.
            Log.UnhandledException(logger, exception, request.Method, request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });

        // A client that accepts no JSON still gets the status code; answering false would make the
        // middleware rethrow the exception.
        return true;
    }

    /// <summary>
    /// Handlers run in registration order, and a service registers its own (the Gateway's answers in
    /// Anthropic's error shape) after <c>AddServiceDefaults</c>: a catch-all registered first would
    /// shadow it. So this one offers the exception to the handlers registered after it, in order,
    /// and only answers itself when none of them did, as if it had been registered last.
    /// </summary>
    private async ValueTask<bool> HandledByLaterHandlersAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var seenSelf = false;
        foreach (var handler in httpContext.RequestServices.GetServices<IExceptionHandler>())
        {
            if (ReferenceEquals(handler, this))
            {
                seenSelf = true;
            }
            else if (seenSelf && await handler.TryHandleAsync(httpContext, exception, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
