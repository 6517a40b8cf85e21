using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceDefaults.Errors;

internal static class ErrorHandlingExtensions
{
    public static IServiceCollection AddDefaultErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        // Outside Development, minimal APIs answer a malformed body with a bare, empty 400. Throwing
        // instead routes it through the exception handler, which answers with ProblemDetails.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
