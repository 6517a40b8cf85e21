using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Api.Infrastructure.OpenApi;

public static class OpenApiExtensions
{
    private const string BearerScheme = "Bearer";

    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c>, with the session bearer token described and required on
    /// every operation that needs a signed-in user.
    /// </summary>
    public static IHostApplicationBuilder AddApiOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Api";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "opaque session token (ses_…)",
                    Description = "A session token from POST /api/accounts/login, sent as Authorization: Bearer ses_…",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }
}
