using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Tests.Support;

/// <summary>One log line as a logging provider receives it: its text, its properties and the scopes it was written in.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Properties,
    IReadOnlyList<object?> Scopes,
    string? Exception)
{
    /// <summary>The value a scope gives <paramref name="name"/> (the innermost one wins), or null.</summary>
    public string? ScopeValue(string name) =>
        Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(scope => scope)
            .Where(p => p.Key == name)
            .Select(p => p.Value?.ToString())
            .LastOrDefault();

    /// <summary>Everything of the line a sink could store: message, property values, scopes and the exception.</summary>
    public string AllText()
    {
        var text = new StringBuilder().Append(Message).Append('\n');
        foreach (var (key, value) in Properties)
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        foreach (var scope in Scopes)
        {
            text.Append(scope).Append('\n');
            if (scope is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    text.Append(item).Append('\n');
                }
            }
        }

        return text.Append(Exception).ToString();
    }

    public override string ToString() => $"[{Level}] {Category}: {Message} (scopes: {string.Join("; ", Scopes)})";
}

/// <summary>A logging provider that keeps every line with its scopes, for tests to read.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    readonly ConcurrentQueue<CapturedLog> lines = new();
    IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Lines => [.. lines];

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var inScope = new List<object?>();
            provider.scopes.ForEachScope((scope, list) => list.Add(scope), inScope);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
            provider.lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), properties, inScope, exception?.ToString()));
        }
    }
}
