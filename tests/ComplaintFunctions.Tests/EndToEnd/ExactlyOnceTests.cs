using System.Net;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>Inputs carry an id the case remembers; a press cut short is finished by the next press.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite)
{
    Task<RunnerClient> StartAsync() => RunnerClient.StartAsync(azurite, "once" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_reply_raised_twice_reaches_the_team_once()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Be kunden om opplysninger:"), "Which charger is it?");
        await driver.CustomerMailAsync("We need some information");
        await driver.WaitForStageAsync("waiting-for-customer");

        // The same reply twice, as a retried mail processor would raise it after a crash.
        var durable = runner.Services.GetRequiredService<DurableTaskClient>();
        var id = ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(driver.CaseNumber));
        var reply = new CaseInput(CaseInputKinds.CustomerReplied, $"customer:{driver.CustomerEmail}", InputId: "mail:test-reply");
        await durable.RaiseEventAsync(id, ComplaintCaseOrchestration.InputEvent, reply);
        await durable.RaiseEventAsync(id, ComplaintCaseOrchestration.InputEvent, reply);

        await driver.MailAsync(CaseDriver.Team, "Kunden har svart");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await driver.CountAsync(CaseDriver.Team, "Kunden har svart"));
    }

    [Fact]
    public async Task A_press_cut_short_after_the_link_was_burned_is_finished_by_the_next_press()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var answer = CaseDriver.LinkAfter(assignment, "Svar kunden:");

        // The first press burned the link with what it asked for, and stopped there (a crash).
        var token = answer[(answer.LastIndexOf('/') + 1)..];
        var link = runner.Services.GetRequiredService<ActionTokens>().Read(token, DateTimeOffset.UtcNow).Link!;
        var textRef = await runner.Services.GetRequiredService<CaseTexts>().SaveAsync(
            link.CaseNumber, CaseInputKinds.AgentAnswer, "We will send a new charger this week.", "agent", DateTimeOffset.UtcNow, $"link-{link.ActionId:N}-text");
        var cutShort = new CaseInput(CaseInputKinds.AgentAnswer, "agent", textRef, InputId: $"link:{link.ActionId:N}");
        Assert.True(await runner.Services.GetRequiredService<UsedActionLinks>().TryUseAsync(
            link.ActionId, link.CaseNumber, "agent", DateTimeOffset.UtcNow, System.Text.Json.JsonSerializer.Serialize(cutShort)));

        // The agent presses again: the action is finished, not refused as used.
        var (status, _) = await driver.ActAsync(answer, "We will send a new charger this week.");
        Assert.Equal(HttpStatusCode.OK, status);
        var mail = await driver.CustomerMailAsync("Answer to your complaint");
        Assert.Contains("We will send a new charger this week.", mail.Text, StringComparison.Ordinal);
        var trail = await driver.TrailAsync();
        Assert.Single(trail, e => e.GetProperty("kind").GetString() == "link-used");

        // Now it is used for good.
        Assert.Equal(HttpStatusCode.Conflict, (await driver.ActAsync(answer, "Again.")).Status);
    }
}
