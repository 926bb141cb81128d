using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ComplaintFunctions.Bench;

/// <summary>A golden file chosen from what the recorder saw: its name, the type it holds, its bytes and where they were.</summary>
internal sealed record GoldenFile(string File, string Type, string Input, SeenInput Row, string? Scenario, string? Note = null);

/// <summary>
/// Names each distinct input by what it is (type, phase or kind, and what sets it apart) and picks the
/// files: the first input of each name, and once more from another scenario when that one differs.
/// </summary>
internal static class GoldenFiles
{
    public static IReadOnlyList<GoldenFile> Choose(IEnumerable<SeenInput> seen, Func<string, string?> scenarioOf)
    {
        var files = new List<GoldenFile>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var scenariosOfLabel = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in seen.OrderBy(s => s.SeenAt))
        {
            var scenario = scenarioOf(row.PartitionKey);
            foreach (var (type, label, input, note) in Labels(row))
            {
                var name = label;
                if (used.Contains(name))
                {
                    // The same kind of state again from another case: kept once, under that case's scenario.
                    // Work orders and other activities' inputs vary with every episode: one of each is enough.
                    var scenarios = scenariosOfLabel[label];
                    if (scenario is null || scenarios.Contains(scenario) || scenarios.Count >= 3 || label.StartsWith("case-work-order.", StringComparison.Ordinal) || label.StartsWith("activity-input.", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    name = $"{label}.{scenario}";
                    if (used.Contains(name))
                    {
                        continue;
                    }
                }

                used.Add(name);
                scenariosOfLabel.TryAdd(label, new HashSet<string>(StringComparer.Ordinal));
                if (scenario is not null)
                {
                    scenariosOfLabel[label].Add(scenario);
                }

                files.Add(new GoldenFile(name + ".json", type, input, row, scenario, note));
            }
        }

        return files;
    }

    /// <summary>The file labels of one row: its own input, and for a work order each step in it that carries facts.</summary>
    static IEnumerable<(string Type, string Label, string Input, string? Note)> Labels(SeenInput row)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(row.Input).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }

        // An activity's input is kept in its TaskScheduled row as the list of its arguments: one here.
        var argument = row.EventType == "TaskScheduled" && json.ValueKind == JsonValueKind.Array && json.GetArrayLength() == 1 ? json[0] : json;

        switch (row.EventType, row.Name)
        {
            case ("EventRaised", "CaseInput"):
                yield return ("CaseInput", "case-input." + InputLabel(json, row.PartitionKey), row.Input, null);
                break;
            case ("EventRaised", _):
                break;
            case ("TaskScheduled", "TakeCaseStepAsync"):
                yield return ("CaseStepOrder", "case-step-order." + StepLabel(argument), row.Input, null);
                break;
            case ("TaskScheduled", "CarryOutCaseWorkAsync"):
                yield return ("CaseWorkOrder", "case-work-order." + WorkLabel(argument), row.Input, null);
                foreach (var item in argument.GetProperty("Items").EnumerateArray())
                {
                    if (item.TryGetProperty("Step", out var step) && step.ValueKind == JsonValueKind.Object && step.TryGetProperty("Facts", out var facts) && facts.ValueKind == JsonValueKind.String)
                    {
                        // The step's order as the serializer wrote it inside the work order: the same bytes a retried
                        // TakeCaseStepAsync of that item is scheduled with (the episode carries the order over unchanged).
                        yield return ("CaseStepOrder", "case-step-order." + StepLabel(step) + ".in-work-order", step.GetRawText(), "item of a CaseWorkOrder");
                    }
                }

                break;
            case ("TaskScheduled", var activity):
                yield return (activity, "activity-input." + Kebab(activity.EndsWith("Async", StringComparison.Ordinal) ? activity[..^5] : activity), row.Input, null);
                break;
            case (_, "ComplaintCase"):
                yield return ("CaseFlow", "case-flow." + FlowLabel(json), row.Input, null);
                break;
            case (_, "OmbudsmanReview"):
                yield return ("OmbudsmanReviewState", "ombudsman-review." + ReviewLabel(json), row.Input, null);
                break;
            case (_, "ExternalBodyCase"):
                yield return ("ExternalBodyState", "external-body." + BodyLabel(json), row.Input, null);
                break;
        }
    }

    static string FlowLabel(JsonElement flow)
    {
        var parts = new List<string> { Kebab(Text(flow, "Phase") ?? "opening") };
        if (flow.TryGetProperty("Reopening", out var reopening) && reopening.ValueKind == JsonValueKind.Object)
        {
            parts.Add("reopening");
        }
        else if (Number(flow, "MailSequence") >= 100_000)
        {
            parts.Add("reopened");
        }

        if (flow.TryGetProperty("Plan", out var plan) && plan.ValueKind == JsonValueKind.Null)
        {
            parts.Add("no-plan");
        }

        if (Text(flow, "Phase") == "Opening" && plan.ValueKind == JsonValueKind.Object && Text(plan, "Route") == "ManufacturerSupport")
        {
            parts.Add("manufacturer-route");
        }

        if (Text(flow, "Phase") == "CustomerService" && plan.ValueKind == JsonValueKind.Object && Text(plan, "Route") == "ManufacturerSupport")
        {
            parts.Add("taken-back");
        }

        if (Text(flow, "Phase") == "CustomerService" && flow.TryGetProperty("Sla", out var sla) && sla.ValueKind == JsonValueKind.Null)
        {
            parts.Add("no-sla");
        }

        if (Flag(flow, "ReminderSent"))
        {
            parts.Add("reminder-sent");
        }

        if (Flag(flow, "Escalated"))
        {
            parts.Add("escalated");
        }

        if (flow.TryGetProperty("PendingApproval", out var pending) && pending.ValueKind == JsonValueKind.Object && Flag(pending, "Repaired"))
        {
            parts.Add("repaired");
        }

        if (flow.TryGetProperty("Decision", out var decision) && decision.ValueKind == JsonValueKind.Object && Text(flow, "Phase") == "OmbudsmanDecided")
        {
            parts.Add(Text(decision, "Outcome") ?? "decided");
        }

        return string.Join('.', parts);
    }

    static string ReviewLabel(JsonElement review)
    {
        var parts = new List<string> { Flag(review, "Started") ? "started" : "not-started" };
        if (Flag(review, "ReminderSent"))
        {
            parts.Add("reminder-sent");
        }

        if (Flag(review, "Escalated"))
        {
            parts.Add("escalated");
        }

        return string.Join('.', parts);
    }

    static string BodyLabel(JsonElement body)
    {
        var parts = new List<string> { Kebab(Text(body, "Phase") ?? "filing") };
        if (Text(body, "ReferredBy") is not null)
        {
            parts.Add("referred");
        }

        if (Flag(body, "ReplyComplex"))
        {
            parts.Add("complex");
        }

        if (Text(body, "RepliedAt") is not null)
        {
            parts.Add("replied");
        }

        if (Number(body, "Reminders") > 0)
        {
            parts.Add("reminded");
        }

        if (Flag(body, "ComplianceEscalated"))
        {
            parts.Add("escalated");
        }

        return string.Join('.', parts);
    }

    static string InputLabel(JsonElement input, string instanceId)
    {
        var kind = Text(input, "Kind") ?? "unknown";
        var colon = kind.IndexOf(':', StringComparison.Ordinal);
        var parts = new List<string> { colon < 0 ? kind : kind[..colon] };
        var inputId = Text(input, "InputId");
        var actor = Text(input, "Actor") ?? string.Empty;
        switch (parts[0])
        {
            case "customer-replied":
                parts.Add(inputId?.Split(':')[0] switch
                {
                    "mail" => "mail",
                    "merged" => "merged",
                    "console" => "phone-log",
                    var other => other ?? "no-id",
                });
                break;
            case "agent-final":
                if (Number(input, "Amount") is null)
                {
                    parts.Add("no-amount");
                }

                if (Flag(input, "Flag"))
                {
                    parts.Add("repaired");
                }

                break;
            case "ombudsman-decide" or "ombudsman-decided":
                if (Flag(input, "Flag"))
                {
                    parts.Add("refer");
                }

                break;
            case "dispute-outcome":
                parts.Add(Text(input, "Choice") ?? "no-choice");
                break;
            case "dispute-comply" when actor.StartsWith("management", StringComparison.Ordinal):
                parts.Add("management");
                break;
        }

        if (actor.Contains(':', StringComparison.Ordinal) && parts[0] != "customer-replied")
        {
            parts.Add("console");
        }

        // An input the case passed on to its stage's orchestration (or its end, a withdrawal) is raised there too.
        if (instanceId.EndsWith("-ombudsman", StringComparison.Ordinal) || instanceId.Contains("-ombudsman-", StringComparison.Ordinal)
            || instanceId.EndsWith("-body", StringComparison.Ordinal) || instanceId.Contains("-body-", StringComparison.Ordinal))
        {
            parts.Add("to-stage");
        }

        return string.Join('.', parts);
    }

    static string StepLabel(JsonElement step)
    {
        var action = Kebab(Text(step, "Action") ?? "step");
        return step.TryGetProperty("Facts", out var facts) && facts.ValueKind == JsonValueKind.String ? action + ".facts" : action;
    }

    static string WorkLabel(JsonElement work)
    {
        string? first = null;
        var facts = false;
        foreach (var item in work.GetProperty("Items").EnumerateArray())
        {
            if (item.TryGetProperty("Step", out var step) && step.ValueKind == JsonValueKind.Object)
            {
                first ??= Kebab(Text(step, "Action") ?? "step");
                facts |= step.TryGetProperty("Facts", out var f) && f.ValueKind == JsonValueKind.String;
            }
            else if (item.TryGetProperty("Mail", out var mail) && mail.ValueKind == JsonValueKind.Object)
            {
                first ??= "mail-" + Kebab(Text(mail, "Kind") ?? "mail");
            }
        }

        return (first ?? "state") + (facts ? ".facts" : string.Empty);
    }

    static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    static decimal? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    static bool Flag(JsonElement json, string name) => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>PascalCase to kebab-case: <c>AwaitingOutcome</c> → <c>awaiting-outcome</c>.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && name[i - 1] != '-')
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The table of what was captured, for CAPTURED.md.</summary>
    public static string Table(IEnumerable<GoldenFile> files, string commit)
    {
        var text = new StringBuilder();
        text.AppendLine("| file | type | instance | table / row | event | scenario |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in files.OrderBy(f => f.File, StringComparer.Ordinal))
        {
            var row = f.Row;
            var where = row.Source == "Instances"
                ? $"Instances PK=`{row.PartitionKey}` RK=`{row.RowKey}` execution `{row.ExecutionId}`"
                : $"History PK=`{row.PartitionKey}` RK=`{row.RowKey}` execution `{row.ExecutionId}`";
            var what = row.EventType == "(instance row)" ? $"(instance row) `{row.Name}`" : $"{row.EventType} `{row.Name}`";
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{f.File}` | {f.Type}{(f.Note is null ? string.Empty : $" ({f.Note})")} | `{row.PartitionKey}` | {where} | {what} | {f.Scenario ?? "—"} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Captured from commit `{commit}`.");
        return text.ToString();
    }
}
