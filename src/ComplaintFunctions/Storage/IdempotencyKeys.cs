using Azure;
using Azure.Data.Tables;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Storage;

/// <summary>Where an idempotency key comes from: a key is only ever compared with keys of its own scope.</summary>
public enum IdempotencyScope
{
    /// <summary>The web form and the JSON API (<c>POST /api/complaints</c>): keys chosen by the client.</summary>
    Web,
    /// <summary>An agent logging a call or chat (<c>POST /api/staff/complaints</c>).</summary>
    Staff,
    /// <summary>A case opened by mail: the key is the mail's identity, never a client's text.</summary>
    Mail,
}

/// <summary>The case a key opened, and the fingerprint of the body that opened it (null on rows from before bodies were bound).</summary>
public sealed record ClaimedKey(CaseNumber CaseNumber, string? BodyHash);

/// <summary>The same <c>Idempotency-Key</c> came with another body: the request is refused, nothing is opened or dropped.</summary>
public sealed class IdempotencyKeyConflictException(string key)
    : Exception($"The Idempotency-Key '{key}' was used before with another body.")
{
    public string Key { get; } = key;
}

/// <summary>
/// Remembers which case an <c>Idempotency-Key</c> opened, per scope (web, staff, mail) and bound to
/// a hash of the body it came with. The first insert wins; everyone after reads the winner's case number
/// and the body it was claimed for.
/// </summary>
public sealed class IdempotencyKeys(AppTables tables)
{
    public const int MaxKeyLength = 200;

    public static IdempotencyScope ScopeOf(Channel channel) => channel switch
    {
        Channel.Email => IdempotencyScope.Mail,
        Channel.Phone or Channel.Chat => IdempotencyScope.Staff,
        _ => IdempotencyScope.Web,
    };

    /// <summary>A fingerprint of what a request asked for: the checked complaint and its channel.</summary>
    public static string BodyHashOf(ComplaintDetails details, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(details);
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { channel = channel.ToWire(), details });
        return Convert.ToHexString(SHA256.HashData(canonical));
    }

    /// <summary>Claims the key for <paramref name="caseNumber"/>, or returns the case (and body) that claimed it first.</summary>
    public async Task<ClaimedKey> ClaimAsync(IdempotencyScope scope, string key, string bodyHash, CaseNumber caseNumber, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.IdempotencyKeys);
        var partition = PartitionOf(scope, key);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(partition, "key") { ["CaseNumber"] = caseNumber.Value, ["ClaimedAt"] = at, ["Scope"] = scope.ToString(), ["BodyHash"] = bodyHash },
                cancellationToken);
            return new ClaimedKey(caseNumber, bodyHash);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var winner = await table.GetEntityAsync<TableEntity>(partition, "key", cancellationToken: cancellationToken);
            return Read(winner.Value);
        }
    }

    public async Task<ClaimedKey?> FindAsync(IdempotencyScope scope, string key, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.IdempotencyKeys);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(scope, key), "key", cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? Read(entity) : null;
    }

    static ClaimedKey Read(TableEntity entity) => new(CaseNumber.Parse(entity.GetString("CaseNumber")), entity.GetString("BodyHash"));

    // Keys are client-chosen text; a hash keeps them within Table Storage's key rules. The scope is
    // part of what is hashed, so a client's key can never land on a mail's (or an agent's) key.
    internal static string PartitionOf(IdempotencyScope scope, string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope.ToString().ToLowerInvariant()}\n{key}")));
}
