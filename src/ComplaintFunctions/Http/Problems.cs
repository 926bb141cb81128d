using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Http;

/// <summary>RFC 9457 problem answers: what went wrong, in words, and for bad input which fields.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Title = "Some fields need another look.",
            Status = StatusCodes.Status400BadRequest,
            Detail = "Fix the fields named in 'errors' and send again: " + string.Join(", ", errors.Keys) + ".",
        };
        return Result(problem);
    }

    public static ObjectResult Status(int status, string title, string? detail = null) =>
        Result(new ProblemDetails { Status = status, Title = title, Detail = detail });

    /// <summary>422: the <c>Idempotency-Key</c> was used before with another body; the key is named in the answer.</summary>
    public static ObjectResult IdempotencyKeyReused(string key)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "This Idempotency-Key was used for another complaint.",
            Detail = $"The Idempotency-Key '{key}' came before with a different body, so this complaint was not opened. Send it again with a new key.",
        };
        problem.Extensions["idempotencyKey"] = key;
        return Result(problem);
    }

    static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
