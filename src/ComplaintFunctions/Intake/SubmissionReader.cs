using System.Text.Json;
using ComplaintFunctions.Domain.Intake;
using ComplaintFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Intake;

/// <summary>A complaint read off a request, or the problem answer to give instead.</summary>
public sealed record SubmissionRead(ComplaintSubmission? Submission, ObjectResult? Problem, bool FromForm, string? FormIdempotencyKey = null);

/// <summary>A complaint read and checked, with the request's idempotency key; <see cref="Errors"/> names every bad field.</summary>
public sealed record CheckedSubmission(SubmissionRead Read, SubmissionCheck Check, string? IdempotencyKey, IReadOnlyDictionary<string, string[]> Errors)
{
    public ComplaintSubmission Submission => Read.Submission!;
    public bool IsValid => Check.IsValid && Errors.Count == 0;
}

/// <summary>Reads a complaint from JSON or a form post, lenient about types, strict about size.</summary>
public static class SubmissionReader
{
    /// <summary>
    /// Reads the complaint, its <c>Idempotency-Key</c> (header, or the form's hidden field) and checks
    /// every field; an unreadable body comes back as the problem answer to give instead.
    /// </summary>
    public static async Task<(ObjectResult? Problem, CheckedSubmission? Submission)> ReadCheckedAsync(HttpRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await ReadAsync(request, cancellationToken);
        if (read.Problem is { } unreadable)
        {
            return (unreadable, null);
        }

        var key = request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length == 0 && read.FormIdempotencyKey is { } formKey)
        {
            key = formKey.Trim();
        }

        var check = ComplaintSubmissionRules.Check(read.Submission!, today);
        var errors = new Dictionary<string, string[]>(check.Errors, StringComparer.Ordinal);
        if (key.Length > Storage.IdempotencyKeys.MaxKeyLength)
        {
            errors["Idempotency-Key"] = [$"At most {Storage.IdempotencyKeys.MaxKeyLength} characters."];
        }

        return (null, new CheckedSubmission(read, check, key.Length == 0 ? null : key, errors));
    }

    public const long MaxBodyBytes = 256 * 1024;

    public static async Task<SubmissionRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            var (form, unreadableForm) = await RequestBodies.ReadFormAsync(request, MaxBodyBytes, cancellationToken);
            if (unreadableForm is not null)
            {
                return Fail(unreadableForm);
            }

            string? Field(string name) => form!.TryGetValue(name, out var v) ? v.ToString() : null;
            return new SubmissionRead(FromFields(Field), null, FromForm: true, Field("idempotencyKey"));
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not null && !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Send the complaint as JSON or as a form post.", "Use Content-Type application/json or application/x-www-form-urlencoded.");
        }

        var (body, unreadable) = await RequestBodies.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (unreadable is not null)
        {
            return Fail(unreadable);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(StatusCodes.Status400BadRequest, "The body must be a JSON object with the complaint's fields.");
            }

            var root = json.RootElement;
            return new SubmissionRead(FromFields(name => Field(root, name)), null, FromForm: false);
        }
        catch (JsonException e)
        {
            return Fail(StatusCodes.Status400BadRequest, "The body is not valid JSON.", e.Message);
        }
        catch (InvalidOperationException)
        {
            // A text in the JSON that is no text: bytes that are not UTF-8, or half of a surrogate pair ("\ud800").
            return Fail(StatusCodes.Status400BadRequest, "The body is not valid JSON.", "A text in it holds characters that are not valid: bytes that are not UTF-8, or half of a UTF-16 surrogate pair (such as \\ud800 alone). Send the text as UTF-8.");
        }
    }

    // A body too large is a complaint too large; anything else unreadable says what was wrong with it.
    static SubmissionRead Fail(UnreadableBody unreadable) => unreadable.Status == StatusCodes.Status413PayloadTooLarge
        ? Fail(StatusCodes.Status413PayloadTooLarge, "The complaint is too large.", $"A complaint can be at most {MaxBodyBytes / 1024} KB; send attachments by mail instead.")
        : Fail(unreadable.Status, unreadable.Title, unreadable.Detail);

    static SubmissionRead Fail(int status, string title, string? detail = null) =>
        new(null, Problems.Status(status, title, detail), FromForm: false);

    // Numbers and booleans are read as their text; the rules then judge the text.
    static string? Field(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return null;
    }

    static ComplaintSubmission FromFields(Func<string, string?> field) => new()
    {
        Name = field("name"),
        Email = field("email"),
        Phone = field("phone"),
        OrderNumber = field("orderNumber"),
        Product = field("product"),
        Manufacturer = field("manufacturer"),
        PurchaseDate = field("purchaseDate"),
        DeliveryDate = field("deliveryDate"),
        Category = field("category"),
        Description = field("description"),
        Language = field("language"),
        Country = field("country"),
        Channel = field("channel"),
    };
}
