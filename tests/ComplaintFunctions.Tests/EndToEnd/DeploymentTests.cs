using System.Net;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// A deployment meets open cases: an orchestration of version 1, holding the state version 1 wrote
/// (a golden file), runs its episode as version 1 wrote it and carries on as version 2, to the
/// ombudsman's review as a sub-orchestration and the customer's withdrawal that ends it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeploymentTests(AzuriteFixture azurite)
{
    const string Ombudsman = "kundeombud@example.no";

    [Fact]
    public async Task A_case_of_version_1_waiting_for_the_customer_carries_on_under_version_2()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "dep" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "We cannot replace it.");
        var final = await driver.CustomerMailAsync("Our final answer");
        await driver.WaitForStageAsync("final-answer");

        // The same case as version 1 left it: its orchestration replaced by one of version 1 with version 1's state.
        var durable = runner.Services.GetRequiredService<DurableTaskClient>();
        var id = ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(driver.CaseNumber));
        await durable.TerminateInstanceAsync(id);
        await RunnerClient.EventuallyAsync(async () => await durable.GetInstanceAsync(id) is { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } ? "ok" : null, "terminated");
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "v1", "case-flow.final-answer.json"))
            .Replace("K-6913-6204-414", driver.CaseNumber, StringComparison.Ordinal);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            ComplaintCaseOrchestration.Name,
            System.Text.Json.JsonDocument.Parse(golden).RootElement,
            new StartOrchestrationOptions(id) { Version = "1" });

        // The customer is not satisfied: version 1's episode takes it, version 2 starts the review as a sub-orchestration.
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(CaseDriver.LinkAfter(final, "review the case:"), "It was broken on delivery.")).Status);
        await driver.CustomerMailAsync("The customer ombudsman takes over");
        await driver.MailAsync(Ombudsman, "Case for review");
        var review = await RunnerClient.EventuallyAsync(
            async () => await durable.GetInstanceAsync(OmbudsmanReviewOrchestration.InstanceIdFor(driver.CaseNumber)) is { RuntimeStatus: OrchestrationRuntimeStatus.Running } m ? m : null, "the review running");
        Assert.Equal(OmbudsmanReviewOrchestration.Name, review.Name);

        // The customer withdraws: the case closes and the review ends with it.
        var status = CaseDriver.LinkAfter(await driver.CustomerMailAsync("We have received your complaint"), "See the status of your case:");
        var withdraw = status.Replace($"/api/complaints/{driver.CaseNumber}?", $"/api/complaints/{driver.CaseNumber}/withdraw?", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync(withdraw, new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
        await driver.CustomerMailAsync("You have withdrawn your complaint");
        await driver.WaitForStageAsync("closed");
        await RunnerClient.EventuallyAsync(
            async () => await durable.GetInstanceAsync(OmbudsmanReviewOrchestration.InstanceIdFor(driver.CaseNumber)) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } ? "ended" : null, "the review ended");
        await RunnerClient.EventuallyAsync(
            async () => await durable.GetInstanceAsync(id) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } ? "closed" : null, "the case's orchestration closed");
    }
}
