using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsRunner;

/// <summary>
/// The keys the Functions host checks before an HTTP function with an authorization level runs:
/// a master (admin) key, host function keys that open every <c>Function</c>-level route, and keys
/// of one function. Made once per key file (by default in the runner's data folder) and kept, so
/// a restart keeps them, as the host keeps its keys in storage.
/// </summary>
public sealed class FunctionKeys
{
    FunctionKeys(string masterKey, IReadOnlyDictionary<string, string> hostKeys, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> functionKeys, string? path)
    {
        MasterKey = masterKey;
        HostKeys = hostKeys;
        PerFunction = functionKeys;
        Path = path;
    }

    /// <summary>Opens every route, <c>Admin</c> and <c>System</c> ones included.</summary>
    public string MasterKey { get; }

    /// <summary>Host keys by name; <c>default</c> always exists.</summary>
    public IReadOnlyDictionary<string, string> HostKeys { get; }

    /// <summary>Keys that open one function, by function name and key name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PerFunction { get; }

    /// <summary>The file the keys are kept in; null when they live in memory only.</summary>
    public string? Path { get; }

    public string DefaultFunctionKey => HostKeys["default"];

    /// <summary>Reads the key file, or makes one with new keys when it does not exist.</summary>
    public static FunctionKeys LoadOrCreate(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} holds no keys.");
            if (string.IsNullOrWhiteSpace(stored.MasterKey) || stored.HostKeys is null || !stored.HostKeys.TryGetValue("default", out var def) || string.IsNullOrWhiteSpace(def))
            {
                throw new InvalidOperationException($"{path} must hold masterKey and hostKeys.default; delete it to have new keys made.");
            }

            return new FunctionKeys(
                stored.MasterKey,
                stored.HostKeys,
                (stored.FunctionKeys ?? []).ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, string>)f.Value, StringComparer.OrdinalIgnoreCase),
                path);
        }

        var made = new KeyFile { MasterKey = NewKey(), HostKeys = new() { ["default"] = NewKey() }, FunctionKeys = [] };
        if (path is not null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            File.WriteAllText(path, JsonSerializer.Serialize(made, Indented));
        }

        return new FunctionKeys(made.MasterKey, made.HostKeys, new Dictionary<string, IReadOnlyDictionary<string, string>>(), path);
    }

    /// <summary>Whether the request's key (<c>?code=</c> or <c>x-functions-key</c>) opens a function of this level, as the host decides.</summary>
    public bool Allows(HttpRequest request, string functionName, AuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var presented = request.Headers["x-functions-key"].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query["code"].ToString();
        }

        if (presented.Length == 0)
        {
            return false;
        }

        if (Same(presented, MasterKey))
        {
            return true;
        }

        // User level means App Service authentication (EasyAuth), which the runner does not have.
        if (level != AuthorizationLevel.Function)
        {
            return false;
        }

        return HostKeys.Values.Any(k => Same(presented, k))
            || (PerFunction.TryGetValue(functionName, out var own) && own.Values.Any(k => Same(presented, k)));
    }

    static bool Same(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(key));

    // Like the host's keys: 40 bytes of randomness, URL-safe so it can go in ?code= unescaped.
    static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(40)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    sealed class KeyFile
    {
        [JsonPropertyName("masterKey")]
        public string MasterKey { get; set; } = string.Empty;

        [JsonPropertyName("hostKeys")]
        public Dictionary<string, string>? HostKeys { get; set; }

        [JsonPropertyName("functionKeys")]
        public Dictionary<string, Dictionary<string, string>>? FunctionKeys { get; set; }
    }
}
