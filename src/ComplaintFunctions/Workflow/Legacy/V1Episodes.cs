using Microsoft.DurableTask;

namespace ComplaintFunctions.Workflow.Legacy;

/// <summary>
/// The episodes of version 1 (before the process was a decision table), kept word for word so that
/// an episode that was under way when version 2 was deployed replays exactly as it was written. An
/// episode of version 1 ends by continuing as version 2; nothing else starts it.
/// Remove this folder once no instance of version 1 is left (the Instances table has no row with an
/// empty or "1" version that is running).
/// </summary>
static class V1Episodes
{
    public const string InputEvent = "CaseInput";

    public static void ContinueAsNew(TaskOrchestrationContext context, object state, bool preserveUnprocessedEvents = true) =>
        context.ContinueAsNew(new ContinueAsNewOptions
        {
            NewInput = state,
            PreserveUnprocessedEvents = preserveUnprocessedEvents,
            NewVersion = ProcessVersions.Current,
        });
}
