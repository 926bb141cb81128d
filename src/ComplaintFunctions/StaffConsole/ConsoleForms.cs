using System.Text.Json.Serialization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;

namespace ComplaintFunctions.StaffConsole;

/// <summary>What a console form was shown for: one person, one case, one step, one press; and how much of the conversation the person had seen.</summary>
/// <param name="PressId">The press's identity: a retried post of this form is the same press, taken once.</param>
/// <param name="Seen">How many lines of the conversation the page showed (collision safety).</param>
public sealed record ConsoleForm(string PersonId, CaseNumber CaseNumber, string Step, Guid PressId, int Seen);

/// <summary>
/// The hidden token in every console form, signed under its own purpose: it binds the post to the
/// signed-in person who was shown the form (a page elsewhere cannot post one), and carries the press's
/// identity and what the person had seen when they wrote.
/// </summary>
public sealed class ConsoleForms(LinkSigner signer, TimeProvider time)
{
    const string Purpose = "console-form";
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public string Issue(ConsoleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Issue(form.PersonId, form.CaseNumber.Value, form.Step, form.PressId, form.Seen);
    }

    /// <summary>A form about something that is not a case (a mail on the review list), named by <paramref name="subject"/>.</summary>
    public string Issue(string personId, string subject, string step, Guid pressId, int seen = 0) =>
        SignedToken.Seal(signer, Purpose, new Payload
        {
            Person = personId,
            Case = subject,
            Step = step,
            Press = pressId.ToString("N"),
            Seen = seen,
            Expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds(),
        });

    /// <summary>The form a token names, when it is ours, current and for this person and case.</summary>
    public ConsoleForm? Read(string? token, StaffPerson person, CaseNumber caseNumber) =>
        Read(token, person, caseNumber.Value) is { } form ? new ConsoleForm(form.PersonId, caseNumber, form.Step, form.PressId, form.Seen) : null;

    /// <summary>The form a token names, when it is ours, current and for this person and subject.</summary>
    public (string PersonId, string Step, Guid PressId, int Seen)? Read(string? token, StaffPerson person, string subject)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (SignedToken.Open<Payload>(signer, Purpose, token, out var payload, SignedToken.MaxSessionLength) != LinkTokenStatus.Valid
            || payload is not { Person: { } who, Case: { } named, Step: { } step, Press: { } press }
            || who != person.Id
            || named != subject
            || !Guid.TryParseExact(press, "N", out var pressId)
            || time.GetUtcNow().ToUnixTimeSeconds() >= payload.Expires)
        {
            return null;
        }

        return (who, step, pressId, payload.Seen);
    }

    sealed class Payload
    {
        [JsonPropertyName("p")]
        public string? Person { get; set; }

        [JsonPropertyName("c")]
        public string? Case { get; set; }

        [JsonPropertyName("s")]
        public string? Step { get; set; }

        [JsonPropertyName("n")]
        public string? Press { get; set; }

        [JsonPropertyName("m")]
        public int Seen { get; set; }

        [JsonPropertyName("x")]
        public long Expires { get; set; }
    }
}
