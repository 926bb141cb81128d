using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.LocalHost.Functions;

/// <summary>
/// The part of <see cref="FunctionContext"/> a function can use under the local runner:
/// ids, services (so <c>GetLogger</c> works), items and cancellation. Binding metadata and
/// trace context belong to the real host and say so when asked for.
/// </summary>
sealed class LocalFunctionContext(string functionName, IServiceProvider services, CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");
    public override string FunctionId => functionName;
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override CancellationToken CancellationToken => cancellationToken;
    public override RetryContext RetryContext => null!;
    public override TraceContext TraceContext => throw NotHere(nameof(TraceContext));
    public override BindingContext BindingContext => throw NotHere(nameof(BindingContext));
    public override FunctionDefinition FunctionDefinition => throw NotHere(nameof(FunctionDefinition));
    public override IInvocationFeatures Features => throw NotHere(nameof(Features));

    static NotSupportedException NotHere(string what) =>
        new($"FunctionContext.{what} is only available under the Functions host, not the local runner.");
}
