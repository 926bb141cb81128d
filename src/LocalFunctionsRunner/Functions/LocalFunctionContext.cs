using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsRunner.Functions;

/// <summary>
/// The <see cref="FunctionContext"/> of one invocation under the local runner: ids, the function's
/// definition (name, entry point, parameters, its trigger binding), binding data (route values and
/// query for HTTP, the message's metadata for queues), items (the ASP.NET Core integration's
/// <c>HttpContext</c> is under the same key as under the host), features, scoped services and the
/// current trace. Output bindings and the invocation result feature belong to the real host.
/// </summary>
sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>Where the worker's ASP.NET Core integration keeps the request's HttpContext (<c>GetHttpContext()</c> reads it).</summary>
    public const string HttpContextItem = "HttpRequestContext";

    public LocalFunctionContext(FunctionEntry function, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        FunctionDefinition = new LocalFunctionDefinition(function);
        InstanceServices = services;
        BindingContext = new LocalBindingContext(bindingData);
        CancellationToken = cancellationToken;
        TraceContext = new LocalTraceContext(Activity.Current);
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => FunctionDefinition.Id;
    public override IServiceProvider InstanceServices { get; set; }
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override CancellationToken CancellationToken { get; }
    public override RetryContext RetryContext => null!;
    public override TraceContext TraceContext { get; }
    public override BindingContext BindingContext { get; }
    public override FunctionDefinition FunctionDefinition { get; }
    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    sealed class LocalFunctionDefinition(FunctionEntry function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            function.Method.GetParameters().Select(p => new FunctionParameter(p.Name ?? string.Empty, p.ParameterType)).ToImmutableArray();

        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;
        public override string EntryPoint => $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}";
        public override string Id => function.Name;
        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = function.TriggerParameter is { Name: { } name }
            ? ImmutableDictionary<string, BindingMetadata>.Empty.Add(name, new TriggerBinding(name, function.Trigger))
            : ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    sealed class TriggerBinding(string name, TriggerKind trigger) : BindingMetadata
    {
        public override string Name => name;

        public override string Type => trigger switch
        {
            TriggerKind.Http => "httpTrigger",
            TriggerKind.Queue => "queueTrigger",
            TriggerKind.Orchestration => "orchestrationTrigger",
            TriggerKind.Activity => "activityTrigger",
            _ => "unsupported",
        };

        public override BindingDirection Direction => BindingDirection.In;
    }

    sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    sealed class LocalTraceContext(Activity? activity) : TraceContext
    {
        public override string TraceParent => activity?.Id ?? string.Empty;
        public override string TraceState => activity?.TraceStateString ?? string.Empty;
    }

    sealed class LocalInvocationFeatures : IInvocationFeatures
    {
        readonly Dictionary<Type, object> features = [];

        public T? Get<T>() => features.TryGetValue(typeof(T), out var found) ? (T)found : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                features.Remove(typeof(T));
            }
            else
            {
                features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
