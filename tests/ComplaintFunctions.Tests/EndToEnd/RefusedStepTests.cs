using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// One state machine: when the complaint refuses a step the process took (it was changed meanwhile),
/// the customer gets nothing, the case stays where it was, the trail has the complaint's reason and staff are told.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RefusedStepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_step_the_complaint_refuses_sends_the_customer_nothing_and_tells_staff_why()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "rs" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var number = CaseNumber.Parse(driver.CaseNumber);

        // The complaint moves on outside the process (as a race with another change would leave it).
        var store = runner.Services.GetRequiredService<ComplaintStore>();
        var stored = await store.GetAsync(number);
        stored.Complaint.Apply(CaseAction.AskCustomer, DateTimeOffset.UtcNow);
        await store.UpdateAsync(stored);

        // A final answer reaches the case's orchestration (the link's own check would have refused it).
        await runner.Services.GetRequiredService<DurableTaskClient>().RaiseEventAsync(
            ComplaintCaseOrchestration.InstanceIdFor(number), ComplaintCaseOrchestration.InputEvent, new CaseInput(CaseInputKinds.AgentFinal, "agent"));

        var told = await driver.MailAsync(CaseDriver.Team, "Ikke utført på");
        Assert.Contains("Customer service is waiting for the customer's answer", told.Text, StringComparison.Ordinal);
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "step-refused" && e.GetProperty("actor").GetString() == "agent");
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Our final answer"));
        Assert.Equal("waiting-for-customer", await driver.StageAsync());

    }
}
