using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SociaalDomein.Api.Requests;

/// <summary>The API's RFC 7807 answers.</summary>
public static class Problems
{
    public static ProblemHttpResult Validation(IReadOnlyList<Violation> violations)
    {
        var problem = new HttpValidationProblemDetails(violations
            .GroupBy(v => v.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = string.Join(" ", violations.Select(v => v.Message)),
        };
        problem.Extensions["violations"] = violations;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.");

    /// <summary>403 for a contract manager asking about a municipality outside the key's scope.</summary>
    public static ProblemHttpResult OutsideScope(string keyId, string municipalityCode) =>
        TypedResults.Problem(
            $"API key '{keyId}' may not see municipality {municipalityCode}: a contract manager sees the municipalities named on the key only.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
