using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClusterHub.Web;

/// <summary>Declares the personal-access-token scheme in the OpenAPI document, so the API page can send a token.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["AccessToken"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "A personal access token (chp_…) from /account/tokens or `ClusterHub users token EMAIL`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("AccessToken", document)] = [] });
        return Task.CompletedTask;
    }
}
