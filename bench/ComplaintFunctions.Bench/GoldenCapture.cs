using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.LocalHost;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace ComplaintFunctions.Bench;

/// <summary>
/// <c>scripts/bench --capture-golden DIR</c>: walks real cases through the local runner on a fresh Azurite
/// (web form and mail intake, the staff's and customers' steps through <see cref="CaseStepTaker"/>, the code
/// behind the mail links and the console, the clocks shortened through settings as local.settings.quick.json
/// does) while <see cref="GoldenRecorder"/> keeps every distinct Durable input the task hub's tables hold.
/// Writes the chosen golden files, the full dump (raw.jsonl) and a table for CAPTURED.md into DIR. Never
/// part of a test run: golden files are captured once per version, from a committed state of the code.
/// </summary>
internal static partial class GoldenCapture
{
    const string Hub = "GoldenCapture";

    public static async Task<int> RunAsync(string connectionString, string folder, CancellationToken cancel)
    {
        Directory.CreateDirectory(folder);
        var (commit, dirty) = Commit();
        Benchmark.Say($"golden capture from commit {commit}{(dirty ? " (with uncommitted changes: do not keep these files)" : string.Empty)} into {folder}");

        var scratch = Path.Combine(Path.GetTempPath(), $"complaints-golden-{Guid.NewGuid():N}");
        var options = new LocalRunnerOptions
        {
            Port = 0,
            StorageConnectionString = connectionString,
            TaskHub = Hub,
            LogLevel = LogLevel.Warning,
            SettingsFile = null,
            ProfileFile = null,
            DataFolder = scratch,
            MailFolder = Path.Combine(scratch, "mail"),
            KeysFile = Path.Combine(scratch, "keys.json"),
        };
        foreach (var (key, value) in Settings)
        {
            options.Settings[key] = value;
        }

        await using var recorder = new GoldenRecorder(connectionString, Hub);
        var failures = new List<string>();
        var scenarios = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var runner = await LocalRunner.StartAsync(options, cancel))
        {
            recorder.Start();
            using var http = new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var desk = new Desk(runner, http, recorder, scenarios);
            var runs = new (string Name, Func<Desk, CancellationToken, Task> Run)[]
            {
                ("team", TeamAsync),
                ("manufacturer-corrected", ManufacturerCorrectedAsync),
                ("manufacturer-help", ManufacturerHelpAsync),
                ("manufacturer-solved", ManufacturerSolvedAsync),
                ("merge", MergeAsync),
                ("mail", MailAsync),
                ("ombudsman-body", OmbudsmanAndBodyAsync),
                ("referral", ReferralAsync),
                ("decision-accepted", DecisionAcceptedAsync),
                ("withdrawn-in-review", WithdrawnInReviewAsync),
            };
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(runs.Select(async (r, i) =>
            {
                try
                {
                    // Staggered, so the cases' first steps do not all land on the two cores at once.
                    await Task.Delay(TimeSpan.FromSeconds(i * 1.5), cancel);
                    await r.Run(desk.For(r.Name), cancel);
                    Benchmark.Say($"golden: {r.Name} done after {clock.Elapsed.TotalSeconds:0} s");
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
                {
                    lock (failures)
                    {
                        failures.Add($"{r.Name}: {e.GetType().Name}: {e.Message}");
                    }

                    Benchmark.Say($"golden: {r.Name} FAILED: {e.Message}");
                }
            }));

            // Let the last episodes finish and be read.
            await Task.Delay(TimeSpan.FromSeconds(5), cancel);
        }

        await recorder.DisposeAsync();
        var seen = recorder.Seen;
        await File.WriteAllTextAsync(Path.Combine(folder, "raw.jsonl"), recorder.Dump(), cancel);
        var files = GoldenFiles.Choose(seen, instance => scenarios.FirstOrDefault(s => instance.StartsWith(s.Key, StringComparison.Ordinal)).Value);
        foreach (var file in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file.File), file.Input, new UTF8Encoding(false), cancel);
        }

        var summary = new StringBuilder(GoldenFiles.Table(files, commit + (dirty ? " (dirty)" : string.Empty)))
            .AppendLine(CultureInfo.InvariantCulture, $"{seen.Count} distinct inputs seen, {files.Count} files; {recorder.BlobRows} row sightings with a large-message blob.")
            .AppendLine("Cases: " + string.Join(", ", scenarios.OrderBy(s => s.Value, StringComparer.Ordinal).Select(s => $"{s.Value} `{s.Key}`")))
            .AppendLine(failures.Count == 0 ? "No scenario failed." : "Failed: " + string.Join("; ", failures));
        await File.WriteAllTextAsync(Path.Combine(folder, "capture.md"), summary.ToString(), cancel);
        Directory.Delete(scratch, recursive: true);
        Benchmark.Say($"golden: {files.Count} files from {seen.Count} distinct inputs; {failures.Count} scenario(s) failed");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Clocks of seconds, as local.settings.quick.json has minutes: the team's answer is due in 20 s (reminder
    /// after 10), the ombudsman's likewise, the body's reminder every 15 s; the customer's windows stay long
    /// enough (15 min) for the capture to answer first. Open around the clock, so any hour works.
    /// </summary>
    static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["CustomerService:FirstResponseTarget"] = "00:00:20",
        ["CustomerService:NextResponseTarget"] = "00:00:20",
        ["CustomerService:ReminderLead"] = "00:00:10",
        ["CustomerService:ProgressAfter"] = "00:30:00",
        ["CustomerService:CustomerReplyWindow"] = "00:15:00",
        ["CustomerService:WaitingForCustomerWindow"] = "00:15:00",
        ["CustomerService:ManufacturerWindow"] = "00:15:00",
        ["Disputes:OmbudsmanReviewTarget"] = "00:00:20",
        ["Disputes:OmbudsmanReminderLead"] = "00:00:10",
        ["Disputes:DecisionReplyWindow"] = "00:15:00",
        ["Disputes:BodyReminderEvery"] = "00:00:15",
        ["Disputes:ComplianceDeadline"] = "00:00:20",
        ["Inbound:MaxAutomaticMailsPerAddressPerDay"] = "100",
        ["BusinessHours:Default:Monday"] = "00:00-24:00",
        ["BusinessHours:Default:Tuesday"] = "00:00-24:00",
        ["BusinessHours:Default:Wednesday"] = "00:00-24:00",
        ["BusinessHours:Default:Thursday"] = "00:00-24:00",
        ["BusinessHours:Default:Friday"] = "00:00-24:00",
        ["BusinessHours:Default:Saturday"] = "00:00-24:00",
        ["BusinessHours:Default:Sunday"] = "00:00-24:00",
        ["BusinessHours:Default:ObservePublicHolidays"] = "false",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:01",
    };

    const string Agent = "agent:Ola Nordmann";
    const string Lead = "team-lead:Kari Nordmann";
    const string DisputeContact = "dispute-contact:Siv Berg";

    /// <summary>With the team: reminded and escalated, answered, a question and the reply by mail, a final answer sent back and approved, accepted, reopened, withdrawn.</summary>
    static async Task TeamAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ReportAsync("claim", "NO", "en", cancel);
        await desk.WaitStageAsync(c, CaseStage.CustomerService, cancel);
        await desk.WaitFlowAsync(c, f => f.Escalated, "escalated", cancel, TimeSpan.FromSeconds(90));
        await desk.StepAndWaitAsync(c, CaseInputKinds.AgentAnswer, ActionRoles.Agent, cancel, text: "We have asked the workshop to look at the charger.");
        await desk.StepAsync(c, CaseInputKinds.AgentAsk, ActionRoles.Agent, cancel, text: "Which serial number does the charger have?");
        await desk.WaitStageAsync(c, CaseStage.WaitingForCustomer, cancel);
        await desk.ReplyByMailAsync(c, "The serial number is SN-4411-22.", cancel);
        await desk.WaitStageAsync(c, CaseStage.CustomerService, cancel);
        await desk.StepAsync(c, CaseInputKinds.AgentFinal, ActionRoles.Agent, cancel, text: "We refund the charger in full.", amount: "9000");
        await desk.WaitOwnerAsync(c, CaseProcess.ApprovalOwner, cancel);
        await desk.StepAsync(c, CaseInputKinds.LeadSendBack, ActionRoles.TeamLead, cancel, text: "Offer a repair first.");
        await desk.WaitOwnerAsync(c, "customer-service team", cancel);
        await desk.StepAsync(c, CaseInputKinds.AgentFinal, ActionRoles.Agent, cancel, text: "We repair the charger under the claim, and refund the postage.", amount: "9000", flag: true);
        await desk.WaitOwnerAsync(c, CaseProcess.ApprovalOwner, cancel);
        await desk.StepAsync(c, CaseInputKinds.LeadApprove, ActionRoles.TeamLead, cancel);
        await desk.WaitStageAsync(c, CaseStage.FinalAnswer, cancel);
        await desk.StepAsync(c, CaseInputKinds.CustomerAccept, ActionRoles.Customer, cancel);
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
        await desk.WaitDoneAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.AgentReopen, Lead, cancel, text: "The customer called: the repaired charger fails again.", door: StepDoor.Console);
        await desk.WaitStageAsync(c, CaseStage.CustomerService, cancel);
        await desk.SettleAsync(c, cancel);
        await desk.WithdrawAsync(c, "I bought a new charger elsewhere.", cancel);
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
    }

    /// <summary>Sent to the manufacturer's support by a wrong category; corrected on the console and taken back; a final answer without an amount.</summary>
    static async Task ManufacturerCorrectedAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ReportAsync("support", "NO", "en", cancel);
        await desk.WaitStageAsync(c, CaseStage.WaitingForCustomer, cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.AgentCorrect, Agent, cancel, text: "It is a faulty router, not a question of use.", door: StepDoor.Console,
            fixedChoice: FactsCorrected.ToChoice(ComplaintCategory.Claim, Country.NO, "en"));
        await desk.WaitStageAsync(c, CaseStage.CustomerService, cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.AgentFinal, ActionRoles.Agent, cancel, text: "We replace the router.");
        await desk.WaitStageAsync(c, CaseStage.FinalAnswer, cancel);
        await desk.SettleAsync(c, cancel);
    }

    /// <summary>With the manufacturer's support: the language corrected (the category stays), then the customer wants our help after all.</summary>
    static async Task ManufacturerHelpAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ReportAsync("support", "SE", "sv", cancel);
        await desk.WaitStageAsync(c, CaseStage.WaitingForCustomer, cancel);
        await desk.SettleAsync(c, cancel);

        // A correction that keeps the category: the case stays with the manufacturer's support, in an episode of its own.
        var corrected = await desk.StepAsync(c, CaseInputKinds.AgentCorrect, Agent, cancel, door: StepDoor.Console,
            fixedChoice: FactsCorrected.ToChoice(ComplaintCategory.Support, Country.SE, "en"));
        await desk.WaitFlowAsync(c, f => f.RecentInputs.Contains(corrected) && f.Phase == FlowPhase.Manufacturer, "corrected", cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.ManufacturerHelp, ActionRoles.Customer, cancel, text: "Tillverkaren svarar inte.");
        await desk.WaitStageAsync(c, CaseStage.CustomerService, cancel);
        await desk.SettleAsync(c, cancel);
    }

    static async Task ManufacturerSolvedAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ReportAsync("service", "DK", "da", cancel);
        await desk.WaitStageAsync(c, CaseStage.WaitingForCustomer, cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.ManufacturerSolved, ActionRoles.Customer, cancel);
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
    }

    /// <summary>A phone call logged on the console, then the duplicate merged into the customer's other case, which hears what was said.</summary>
    static async Task MergeAsync(Desk desk, CancellationToken cancel)
    {
        var email = $"golden-merge-{Guid.NewGuid():N}@example.no";
        var into = await desk.ReportAsync("claim", "NO", "nb", cancel, email);
        var duplicate = await desk.ReportAsync("delivery", "NO", "nb", cancel, email);
        await desk.WaitStageAsync(into, CaseStage.CustomerService, cancel);
        await desk.WaitStageAsync(duplicate, CaseStage.CustomerService, cancel);
        await desk.SettleAsync(duplicate, cancel);
        await desk.StepAndWaitAsync(duplicate, CaseInputKinds.CustomerReplied, Agent, cancel, text: "Kunden ringte: pakken kom, men laderen i den er ødelagt.", door: StepDoor.Console);
        await desk.StepAsync(duplicate, CaseInputKinds.AgentMerge, Agent, cancel, text: "Same charger as the other case.", door: StepDoor.Console, fixedChoice: into);
        await desk.WaitStageAsync(duplicate, CaseStage.Closed, cancel);
        await desk.WaitFlowAsync(into, f => f.RecentInputs.Any(i => i.StartsWith("merged:", StringComparison.Ordinal)), "the merged input", cancel);
    }

    /// <summary>A complaint by mail (SendGrid raw), a question, and the case waits for the customer.</summary>
    static async Task MailAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ReportByMailAsync(cancel);
        await desk.WaitStageAsync(c, CaseStage.CustomerService, cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.AgentAsk, ActionRoles.Agent, cancel, text: "When did you buy the screen?");
        await desk.WaitStageAsync(c, CaseStage.WaitingForCustomer, cancel);
        await desk.SettleAsync(c, cancel);
    }

    /// <summary>The final answer, the ombudsman (reminded, escalated, upholds), the customer's body: complex, reminded, replied, the outcome, not followed, then followed.</summary>
    static async Task OmbudsmanAndBodyAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ToFinalAnswerAsync("1500", cancel);
        await desk.StepAsync(c, CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer, cancel, text: "The refund is too small.");
        var review = OmbudsmanReviewOrchestration.InstanceIdFor(c);
        await desk.WaitStateAsync(review, s => s.Contains("\"Escalated\":true", StringComparison.Ordinal), "the review escalated", cancel, TimeSpan.FromSeconds(90));
        await desk.StepAsync(c, CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman, cancel, text: "The answer follows the law.", amount: "1500", choice: "upheld", note: "Answer claims within a week.");
        await desk.WaitFlowAsync(c, f => f.Phase == FlowPhase.OmbudsmanDecided, "decided", cancel);
        var bodyId = await desk.OfferedBodyAsync(c, cancel);
        await desk.StepAsync(c, $"{CaseInputKinds.CustomerExternalBody}:{bodyId}", ActionRoles.Customer, cancel);
        var body = ExternalBodyOrchestration.InstanceIdFor(c);
        await desk.WaitStateAsync(body, s => s.Contains("\"Phase\":\"AwaitingOutcome\"", StringComparison.Ordinal), "filed", cancel);
        await desk.StepAsync(c, CaseInputKinds.DisputeComplex, DisputeContact, cancel, text: "The board's reference 2026/4411: complex.", door: StepDoor.Console);
        await desk.WaitStateAsync(body, s => s.Contains("\"ReplyComplex\":true", StringComparison.Ordinal), "complex", cancel);
        await desk.WaitStateAsync(body, s => !s.Contains("\"Reminders\":0", StringComparison.Ordinal), "reminded", cancel, TimeSpan.FromSeconds(60));
        await desk.StepAsync(c, CaseInputKinds.DisputeReplied, ActionRoles.DisputeContact, cancel, text: "Our reply went by the board's portal.");
        await desk.WaitStateAsync(body, s => !s.Contains("\"RepliedAt\":null", StringComparison.Ordinal), "replied", cancel);
        await desk.StepAsync(c, CaseInputKinds.DisputeOutcome, ActionRoles.DisputeContact, cancel, text: "The board recommends a full refund.", choice: "customer");
        await desk.WaitStateAsync(body, s => s.Contains("\"Phase\":\"Compliance\"", StringComparison.Ordinal), "compliance", cancel);
        await desk.StepAsync(c, CaseInputKinds.DisputeNotComply, ActionRoles.DisputeContact, cancel, text: "We do not agree with the board.");
        await desk.WaitStateAsync(body, s => s.Contains("\"ComplianceEscalated\":true", StringComparison.Ordinal), "escalated", cancel);
        await desk.StepAsync(c, CaseInputKinds.DisputeComply, ActionRoles.Management, cancel);
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
    }

    /// <summary>The ombudsman upholds the answer and refers the case to the body that fits; the body finds for the retailer.</summary>
    static async Task ReferralAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ToFinalAnswerAsync(null, cancel);
        await desk.StepAsync(c, CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer, cancel);
        var review = OmbudsmanReviewOrchestration.InstanceIdFor(c);
        await desk.WaitStateAsync(review, s => s.Contains("\"Started\":true", StringComparison.Ordinal), "the review started", cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman, cancel, text: "The charger was faulty on delivery.", amount: "2500", choice: "upheld", flag: true);
        var body = ExternalBodyOrchestration.InstanceIdFor(c);
        await desk.WaitStateAsync(body, s => s.Contains("\"Phase\":\"AwaitingOutcome\"", StringComparison.Ordinal), "filed", cancel);
        await desk.StepAsync(c, CaseInputKinds.DisputeOutcome, ActionRoles.DisputeContact, cancel, text: "The board found for the retailer.", choice: "retailer");
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
    }

    /// <summary>The ombudsman overturns the answer (no body is offered then); the customer accepts the decision.</summary>
    static async Task DecisionAcceptedAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ToFinalAnswerAsync("800", cancel);
        await desk.StepAsync(c, CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer, cancel, text: "I want more.");
        await desk.WaitStateAsync(OmbudsmanReviewOrchestration.InstanceIdFor(c), s => s.Contains("\"Started\":true", StringComparison.Ordinal), "the review started", cancel);
        await desk.SettleAsync(c, cancel);
        await desk.StepAsync(c, CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman, cancel, text: "The charger is refunded in full.", amount: "1600", choice: "overturned");
        await desk.WaitFlowAsync(c, f => f.Phase == FlowPhase.OmbudsmanDecided, "decided", cancel);
        await desk.StepAsync(c, CaseInputKinds.CustomerAcceptDecision, ActionRoles.Customer, cancel);
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
    }

    /// <summary>Withdrawn while the ombudsman has it: the case ends the review with a withdrawal input.</summary>
    static async Task WithdrawnInReviewAsync(Desk desk, CancellationToken cancel)
    {
        var c = await desk.ToFinalAnswerAsync(null, cancel);
        await desk.StepAsync(c, CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer, cancel);
        await desk.WaitStateAsync(OmbudsmanReviewOrchestration.InstanceIdFor(c), s => s.Contains("\"Started\":true", StringComparison.Ordinal), "the review started", cancel);
        await desk.SettleAsync(c, cancel);
        await desk.WithdrawAsync(c, "We settled it in the shop.", cancel);
        await desk.WaitStageAsync(c, CaseStage.Closed, cancel);
    }

    static (string Commit, bool Dirty) Commit()
    {
        static string Git(string args)
        {
            using var git = Process.Start(new ProcessStartInfo("git", args) { RedirectStandardOutput = true, WorkingDirectory = RepositoryRoot.Find() })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }

        return (Git("rev-parse HEAD"), Git("status --porcelain --untracked-files=no").Length > 0);
    }

    /// <summary>What a case's people do, through the same code as the web form, the inbound mail, the mail links and the console.</summary>
    internal sealed partial class Desk(LocalRunner runner, HttpClient http, GoldenRecorder recorder, Dictionary<string, string> scenarios, string scenario = "")
    {
        static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

        readonly Dictionary<string, string> emails = new(StringComparer.Ordinal);

        public Desk For(string name) => new(runner, http, recorder, scenarios, name);

        T Service<T>() where T : notnull => runner.Services.GetRequiredService<T>();

        void Name(string caseNumber)
        {
            lock (scenarios)
            {
                scenarios[ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(caseNumber))] = scenario;
            }
        }

        public async Task<string> ReportAsync(string category, string country, string language, CancellationToken cancel, string? email = null)
        {
            email ??= $"golden-{scenario}-{Guid.NewGuid():N}@example.no";
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["name"] = "Kari Nordmann",
                ["email"] = email,
                ["description"] = "The charger stopped working after a month.",
                ["category"] = category,
                ["country"] = country,
                ["language"] = language,
                ["deliveryDate"] = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (category is "support" or "service")
            {
                fields["manufacturer"] = "Acme AS";
            }

            using var response = await http.PostAsJsonAsync("/api/complaints", fields, cancel);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"The form answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel)}");
            }

            var caseNumber = (await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("caseNumber").GetString()!;
            Name(caseNumber);
            emails[caseNumber] = email;
            return caseNumber;
        }

        /// <summary>A complaint as a mail through SendGrid Inbound Parse (raw mode); the case is found by the sender's address.</summary>
        public async Task<string> ReportByMailAsync(CancellationToken cancel)
        {
            var email = $"golden-{scenario}-{Guid.NewGuid():N}@example.no";
            var mime = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"From: =?ISO-8859-1?Q?B=F8rre_Kj=E6rstad?= <{email}>\r\n")
                .Append("To: kundeservice@example.no\r\n")
                .Append("Subject: =?ISO-8859-1?Q?Skjermen_var_d=F8d_ved_levering?=\r\n")
                .Append(CultureInfo.InvariantCulture, $"Message-ID: <{Guid.NewGuid():N}@golden.example>\r\n")
                .Append("Date: Tue, 01 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n")
                .Append("Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
                .Append("Hei,\r\n\r\nSkjermen jeg kj=F8pte var d=F8d da den kom. Ordrenummer 123456.\r\n\r\nMvh\r\nB=F8rre Kj=E6rstad\r\n")
                .ToString();
            await Benchmark.PostRawMailAsync(http, mime, cancel);
            var store = Service<ComplaintStore>();
            var found = await Until(async () => (await store.FindByEmailAsync(email, DateTimeOffset.UtcNow, cancel)) is [var first, ..] ? first.Complaint.CaseNumber.Value : null, "the mail's case", cancel);
            Name(found);
            emails[found] = email;
            return found;
        }

        /// <summary>The customer answers a mail of the case by mail: the case number in the subject, from their address.</summary>
        public async Task ReplyByMailAsync(string caseNumber, string text, CancellationToken cancel)
        {
            var mime = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"From: Kari Nordmann <{emails[caseNumber]}>\r\n")
                .Append("To: kundeservice@example.no\r\n")
                .Append(CultureInfo.InvariantCulture, $"Subject: Re: Your complaint [{caseNumber}]\r\n")
                .Append(CultureInfo.InvariantCulture, $"Message-ID: <{Guid.NewGuid():N}@golden.example>\r\n")
                .Append("Date: Tue, 01 Dec 2026 11:00:00 +0100\r\nMIME-Version: 1.0\r\n")
                .Append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .Append(text).Append("\r\n")
                .ToString();
            await Benchmark.PostRawMailAsync(http, mime, cancel);
        }

        /// <summary>Reported, answered with a final answer (with <paramref name="amount"/> or none), and settled in FinalAnswer.</summary>
        public async Task<string> ToFinalAnswerAsync(string? amount, CancellationToken cancel)
        {
            var c = await ReportAsync("claim", "NO", "en", cancel);
            await WaitStageAsync(c, CaseStage.CustomerService, cancel);
            await SettleAsync(c, cancel);
            await StepAsync(c, CaseInputKinds.AgentFinal, ActionRoles.Agent, cancel, text: "We refund part of the price.", amount: amount);
            await WaitStageAsync(c, CaseStage.FinalAnswer, cancel);
            await SettleAsync(c, cancel);
            return c;
        }

        /// <summary>
        /// Takes a step through <see cref="CaseStepTaker"/>, as the mail link (actor: the link's role) or the console
        /// (actor: role and person) does. Returns the input's id.
        /// </summary>
        public async Task<string> StepAsync(string caseNumber, string step, string actor, CancellationToken cancel,
            string? text = null, string? amount = null, string? choice = null, string? note = null, bool flag = false, StepDoor? door = null, string? fixedChoice = null)
        {
            var (found, linkChoice) = ActionStepCatalogue.Find(step);
            var actionStep = found ?? throw new InvalidOperationException($"No step {step}.");
            var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
            void Put(string key, string? value)
            {
                if (value is not null)
                {
                    fields[key] = value;
                }
            }

            Put("text", text);
            Put("amount", amount);
            Put("choice", choice);
            Put("note", note);
            Put("flag", flag ? "on" : null);
            var number = CaseNumber.Parse(caseNumber);
            var complaint = (await Service<ComplaintStore>().FindAsync(number, cancel))?.Complaint ?? throw new InvalidOperationException($"No case {caseNumber}.");
            var press = new StepPress(door ?? StepDoor.Link, number, Guid.NewGuid(), actionStep, actor, fixedChoice ?? linkChoice);
            var outcome = await Service<CaseStepTaker>().TakeAsync(press, complaint, new FormCollection(fields), Service<DurableTaskClient>(), new StepFieldTexts("Write the text first.", "Choose one of the options.", "Write an amount, or leave it empty."), cancel);
            if (outcome is not PressOutcome.Done)
            {
                throw new InvalidOperationException($"{step} on {caseNumber} was not taken: {outcome}");
            }

            return $"{press.Door.Prefix}:{press.PressId:N}";
        }

        /// <summary>A step the case takes in a new episode of its own: waits until the case remembers it.</summary>
        public async Task StepAndWaitAsync(string caseNumber, string step, string actor, CancellationToken cancel, string? text = null, StepDoor? door = null)
        {
            var id = await StepAsync(caseNumber, step, actor, cancel, text: text, door: door);
            await WaitFlowAsync(caseNumber, f => f.RecentInputs.Contains(id), step, cancel);
        }

        /// <summary>The customer withdraws from the status page, as from the link in any of the case's mails.</summary>
        public async Task WithdrawAsync(string caseNumber, string reason, CancellationToken cancel)
        {
            var status = new Uri(Service<StatusLinks>().UrlFor(CaseNumber.Parse(caseNumber)));
            using var request = new HttpRequestMessage(HttpMethod.Get, status.PathAndQuery);
            request.Headers.Accept.ParseAdd("text/html");
            using var page = await http.SendAsync(request, cancel);
            var html = await page.Content.ReadAsStringAsync(cancel);
            var link = WithdrawLink().Match(html);
            if (!link.Success)
            {
                throw new InvalidOperationException($"The status page of {caseNumber} offers no withdrawal.");
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = reason });
            using var posted = await http.PostAsync(WebUtility.HtmlDecode(link.Groups[1].Value), form, cancel);
            if (posted.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The withdrawal answered {(int)posted.StatusCode}.");
            }
        }

        /// <summary>The first external body the decision mail offered (its link's step names it), from the recorded work order.</summary>
        public Task<string> OfferedBodyAsync(string caseNumber, CancellationToken cancel)
        {
            var instance = ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(caseNumber));
            return Until(() => Task.FromResult(recorder.Seen
                .Where(s => s.PartitionKey == instance && s.EventType == "TaskScheduled")
                .Select(s => BodyStep().Match(s.Input))
                .LastOrDefault(m => m.Success)?.Groups[1].Value), "the offered body", cancel);
        }

        public Task WaitStageAsync(string caseNumber, CaseStage stage, CancellationToken cancel) =>
            Until(async () => (await Service<ComplaintStore>().FindAsync(CaseNumber.Parse(caseNumber), cancel))?.Complaint.Stage == stage ? "yes" : null, $"{caseNumber} {stage}", cancel);

        public Task WaitOwnerAsync(string caseNumber, string owner, CancellationToken cancel) =>
            Until(async () => (await Service<ComplaintStore>().FindOnTheListAsync(CaseNumber.Parse(caseNumber), DateTimeOffset.UtcNow, cancellationToken: cancel))?.Owner == owner ? "yes" : null, $"{caseNumber} with {owner}", cancel);

        /// <summary>Until the case's instance row holds a state (its last ContinueAsNew) that fits.</summary>
        public Task WaitFlowAsync(string caseNumber, Func<CaseFlow, bool> fits, string what, CancellationToken cancel, TimeSpan? timeout = null) =>
            WaitStateAsync(ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(caseNumber)), input =>
            {
                try
                {
                    var flow = JsonSerializer.Deserialize<CaseFlow>(input, Json);
                    return flow is not null && fits(flow);
                }
                catch (JsonException)
                {
                    return false;
                }
            }, what, cancel, timeout);

        public Task WaitStateAsync(string instanceId, Func<string, bool> fits, string what, CancellationToken cancel, TimeSpan? timeout = null) =>
            Until(() => Task.FromResult(recorder.Latest(instanceId).Input is { } input && fits(input) ? "yes" : null), $"{instanceId}: {what}", cancel, timeout);

        /// <summary>Until the case's orchestration has completed (a closed case's run has ended).</summary>
        public Task WaitDoneAsync(string caseNumber, CancellationToken cancel) =>
            Until(() => Task.FromResult(recorder.Latest(ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(caseNumber))).Status == "Completed" ? "yes" : null), $"{caseNumber} completed", cancel);

        /// <summary>
        /// Until the case and its stages have written nothing for 2 s: the episode that took the last input
        /// has finished, so the next input starts an episode of its own (as a person's next click would).
        /// </summary>
        public async Task SettleAsync(string caseNumber, CancellationToken cancel)
        {
            var prefix = ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(caseNumber));
            string Signature() => string.Join('|', recorder.Instances.Where(i => i.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(i => recorder.Latest(i)))
                + recorder.Seen.Count(s => s.PartitionKey.StartsWith(prefix, StringComparison.Ordinal));
            var last = Signature();
            var quietSince = Stopwatch.StartNew();
            while (quietSince.Elapsed < TimeSpan.FromSeconds(2))
            {
                await Task.Delay(200, cancel);
                var now = Signature();
                if (now != last)
                {
                    last = now;
                    quietSince.Restart();
                }
            }
        }

        static async Task<string> Until(Func<Task<string?>> probe, string what, CancellationToken cancel, TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
            while (true)
            {
                if (await probe() is { } found)
                {
                    return found;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Timed out waiting for {what}.");
                }

                await Task.Delay(250, cancel);
            }
        }

        [GeneratedRegex("id=\"withdraw\" href=\"([^\"]+)\"")]
        private static partial Regex WithdrawLink();

        [GeneratedRegex("\"customer-external-body:([a-z0-9-]+)\"")]
        private static partial Regex BodyStep();
    }
}
