using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Storage;

/// <summary>A complaint as read from storage, with the ETag that guards the next write.</summary>
public sealed record StoredComplaint(Complaint Complaint, ETag ETag, string? IdempotencyKey);

/// <summary>A case as the staff list shows it: the complaint and its clock.</summary>
/// <param name="AssignedTo">The person the team gave the case to in the console (by name), beside the process's <paramref name="Owner"/>.</param>
/// <param name="Erased">The case's personal data was erased (<see cref="Privacy.CaseEraser"/>): the row keeps only its anonymised facts.</param>
/// <param name="LegalHold">A team lead or management put the case under a legal hold: it is not erased, on request or by retention, until the hold is lifted.</param>
public sealed record CaseOnTheList(Complaint Complaint, string? Owner, DateTimeOffset? DueAt, bool Overdue, bool MailFailed, string? AssignedTo = null, bool Erased = false, bool LegalHold = false);

/// <summary>An erasure that has begun on a case: when, by whom and why, kept on the row so a run cut short is finished as it began.</summary>
public sealed record ErasureMark(DateTimeOffset Since, string By, string Reason);

/// <summary>Someone else changed the case between our read and our write.</summary>
public sealed class ConcurrentCaseUpdateException(CaseNumber caseNumber, Exception inner)
    : Exception($"Case {caseNumber} was changed by someone else after it was read; read it again and retry the change.", inner)
{
    public CaseNumber CaseNumber { get; } = caseNumber;
}

/// <summary>
/// Current state of each case, one row per case (partition = case number, so cases never
/// contend). Writes carry the ETag of the read they are based on: two writers never
/// silently overwrite each other.
/// </summary>
public sealed class ComplaintStore(AppTables tables)
{
    const string RowKey = "case";

    /// <summary>Inserts a new case; false when the case number is already taken.</summary>
    public async Task<bool> TryCreateAsync(Complaint complaint, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var table = await tables.GetAsync(TableNames.Complaints);
        var entity = ToEntity(complaint, idempotencyKey);

        // Listed first, so every case that exists is on the list (the list may hold more: see ListOpenAsync).
        var index = await tables.GetAsync(TableNames.OpenCases);
        var listedNow = await AddIfAbsentAsync(index, IndexRow(entity), cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The number is taken (by another case, or by this very complaint's concurrent attempt, whose own
            // line then lost to this one): the line just written shows this attempt, so it is made to show the case.
            if (listedNow)
            {
                await RelistAsync(index, table, complaint.CaseNumber, cancellationToken);
            }

            return false;
        }
    }

    public async Task<StoredComplaint?> FindAsync(CaseNumber caseNumber, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, RowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? new StoredComplaint(FromEntity(entity), entity.ETag, entity.GetString("IdempotencyKey"))
            : null;
    }

    public async Task<StoredComplaint> GetAsync(CaseNumber caseNumber, CancellationToken cancellationToken = default) =>
        await FindAsync(caseNumber, cancellationToken) ?? throw new KeyNotFoundException($"Case {caseNumber} does not exist.");

    /// <summary>Writes the changed case if nobody else wrote it since <paramref name="basedOn"/> was read.</summary>
    public async Task<StoredComplaint> UpdateAsync(StoredComplaint basedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(basedOn);
        var table = await tables.GetAsync(TableNames.Complaints);
        var entity = ToEntity(basedOn.Complaint, basedOn.IdempotencyKey);
        try
        {
            // Merge: the domain's columns are all written; the service-state columns beside them stay.
            var response = await table.UpdateEntityAsync(entity, basedOn.ETag, TableUpdateMode.Merge, cancellationToken);
            await KeepListedAsync(entity, basedOn.Complaint, cancellationToken);
            return basedOn with { ETag = response.Headers.ETag ?? basedOn.ETag };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            throw new ConcurrentCaseUpdateException(basedOn.Complaint.CaseNumber, e);
        }
    }

    /// <summary>The list's line of the case after the case itself was written: its columns again, or gone once the case is closed.</summary>
    async Task KeepListedAsync(TableEntity written, Complaint complaint, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.OpenCases);
        if (complaint.Stage == CaseStage.Closed)
        {
            await ForgetAsync(index, complaint.CaseNumber, cancellationToken);
        }
        else
        {
            await index.UpsertEntityAsync(IndexRow(written), TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>Removes a case nobody has seen yet (a lost race on the same idempotency key).</summary>
    internal async Task DeleteUnseenAsync(CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        await table.DeleteEntityAsync(caseNumber.Value, RowKey, ETag.All, cancellationToken);
        await ForgetAsync(await tables.GetAsync(TableNames.OpenCases), caseNumber, cancellationToken);
    }

    /// <summary>
    /// Open cases with their clocks, optionally in one stage, from the <c>opencases</c> list: one partition
    /// holding a line per open case, so the read does not grow with the closed cases. The list is written
    /// just before a new case and just after each write of a case, so it holds every open case; a crash
    /// between the two writes can leave a line one write behind, or a line of a case that has closed or was
    /// never stored, until the case page is opened (<see cref="FindOnTheListAsync"/> with keepLine) or the sweep checks it
    /// (<see cref="CheckAsync"/>, from <see cref="OpenCaseListSweeper"/>).
    /// </summary>
    /// <remarks>Overdue is worked out at <paramref name="now"/> by <see cref="OverdueRule"/>, not read as recorded: a case that has moved on to the customer is not late.</remarks>
    public async IAsyncEnumerable<CaseOnTheList> ListOpenAsync(CaseStage? stage, DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = await tables.GetAsync(TableNames.OpenCases);
        var filter = stage is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition} and Stage eq {s.ToWire()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition} and Stage ne {CaseStage.Closed.ToWire()}");
        await foreach (var line in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (line.GetString("Stage") is null || line.RowKey == IndexBuiltMarker)
            {
                continue;
            }

            yield return OnTheList(CaseRowOf(line), now);
        }
    }

    /// <summary>
    /// The cases behind the list's lines, read from the cases themselves (in parallel): lines of cases
    /// closed or never stored are left out and taken off the list, and a line behind its case is written again.
    /// </summary>
    public async Task<IReadOnlyList<CaseOnTheList>> CheckAsync(IReadOnlyList<CaseOnTheList> lines, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var table = await tables.GetAsync(TableNames.Complaints);
        var index = await tables.GetAsync(TableNames.OpenCases);
        var read = await Task.WhenAll(lines.Select(async line =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(line.Complaint.CaseNumber.Value, RowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } entity || entity.GetString("Stage") == CaseStage.Closed.ToWire())
            {
                await ForgetAsync(index, line.Complaint.CaseNumber, cancellationToken);
                return null;
            }

            var current = OnTheList(entity, now);
            if (!ShowsTheSame(current, line))
            {
                await index.UpsertEntityAsync(IndexRow(entity), TableUpdateMode.Merge, cancellationToken);
            }

            return current;
        }));
        return read.OfType<CaseOnTheList>().ToList();
    }

    /// <summary>
    /// Puts every open case on the list once, for cases opened before the list existed: a scan of the cases,
    /// done by the first instance that finds the list unbuilt, then marked built so no later start scans again.
    /// </summary>
    public async Task<int> BuildListOnceAsync(CancellationToken cancellationToken = default)
    {
        var index = await tables.GetAsync(TableNames.OpenCases);
        if ((await index.GetEntityIfExistsAsync<TableEntity>(OpenPartition, IndexBuiltMarker, cancellationToken: cancellationToken)).HasValue)
        {
            return 0;
        }

        var table = await tables.GetAsync(TableNames.Complaints);
        var added = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey} and Stage ne {CaseStage.Closed.ToWire()}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (await AddIfAbsentAsync(index, IndexRow(entity), cancellationToken))
            {
                added++;
            }
        }

        await index.UpsertEntityAsync(new TableEntity(OpenPartition, IndexBuiltMarker) { ["BuiltAt"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, cancellationToken);
        return added;
    }

    /// <summary>Whether a line shows what its case shows (the complaint is compared by what the list shows of it).</summary>
    static bool ShowsTheSame(CaseOnTheList a, CaseOnTheList b) =>
        a.Owner == b.Owner && a.DueAt == b.DueAt && a.Overdue == b.Overdue && a.MailFailed == b.MailFailed && a.AssignedTo == b.AssignedTo
        && a.Complaint.Stage == b.Complaint.Stage && a.Complaint.UpdatedAt == b.Complaint.UpdatedAt
        && a.Complaint.Details with { Description = string.Empty } == b.Complaint.Details with { Description = string.Empty }
        && a.Complaint.OmbudsmanHasDecided == b.Complaint.OmbudsmanHasDecided && a.Complaint.BodyOutcomeRecorded == b.Complaint.BodyOutcomeRecorded;

    const string OpenPartition = "open";
    const string IndexBuiltMarker = "~built";

    /// <summary>The list's line of a case: its columns but the long text, under the one partition.</summary>
    static TableEntity IndexRow(TableEntity caseRow)
    {
        return CopyColumns(caseRow, new TableEntity(OpenPartition, caseRow.PartitionKey), "Description", "IdempotencyKey");
    }

    static TableEntity CaseRowOf(TableEntity line)
    {
        var row = CopyColumns(line, new TableEntity(line.RowKey, RowKey));
        row["Description"] ??= string.Empty;
        return row;
    }

    /// <summary>The data columns of one row put on another (keys, timestamp and ETag stay the target's), leaving out <paramref name="except"/>.</summary>
    static TableEntity CopyColumns(TableEntity from, TableEntity to, params string[] except)
    {
        foreach (var (name, value) in from)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && !except.Contains(name, StringComparer.Ordinal))
            {
                to[name] = value;
            }
        }

        return to;
    }

    /// <summary>The case's line written from the case as stored (or taken off when it is closed or not there).</summary>
    static async Task RelistAsync(TableClient index, TableClient cases, CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, RowKey, cancellationToken: cancellationToken);
        if (row.HasValue && row.Value is { } entity && entity.GetString("Stage") != CaseStage.Closed.ToWire())
        {
            await index.UpsertEntityAsync(IndexRow(entity), TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await ForgetAsync(index, caseNumber, cancellationToken);
        }
    }

    static async Task<bool> AddIfAbsentAsync(TableClient index, TableEntity line, CancellationToken cancellationToken)
    {
        try
        {
            await index.AddEntityAsync(line, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    static async Task ForgetAsync(TableClient index, CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        try
        {
            await index.DeleteEntityAsync(OpenPartition, caseNumber.Value, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Not on the list: nothing to take off.
        }
    }

    /// <summary>A column change beside the case, made on its line too (never adding a line: a closed case stays off the list).</summary>
    async Task MergeIntoListAsync(TableEntity change, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(TableNames.OpenCases);
        var line = CopyColumns(change, new TableEntity(OpenPartition, change.PartitionKey));
        try
        {
            await index.UpdateEntityAsync(line, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A closed case: not listed, and not listed again.
        }
    }

    /// <summary>One case as the staff list shows it, or null when there is no such case.</summary>
    /// <param name="keepLine">Also make the case's line on the open-case list show what was just read (or take it off a closed case): how a case page heals a line a crash left behind.</param>
    public async Task<CaseOnTheList?> FindOnTheListAsync(CaseNumber caseNumber, DateTimeOffset now, bool keepLine = false, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, RowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        if (keepLine)
        {
            var index = await tables.GetAsync(TableNames.OpenCases);
            await (entity.GetString("Stage") == CaseStage.Closed.ToWire()
                ? ForgetAsync(index, caseNumber, cancellationToken)
                : index.UpsertEntityAsync(IndexRow(entity), TableUpdateMode.Merge, cancellationToken));
        }

        return OnTheList(entity, now);
    }

    /// <summary>Gives the case to a person (merged beside the domain's columns, as the service state is).</summary>
    public async Task AssignAsync(CaseNumber caseNumber, string person, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var change = new TableEntity(caseNumber.Value, RowKey) { ["AssignedTo"] = person };
        await table.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
        await MergeIntoListAsync(change, cancellationToken);
    }

    static CaseOnTheList OnTheList(TableEntity entity, DateTimeOffset now)
    {
        var complaint = FromEntity(entity);
        DateTimeOffset? dueAt = DateTimeOffset.TryParse(entity.GetString("DueAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var due) ? due : null;
        return new CaseOnTheList(
            complaint,
            entity.GetString("Owner"),
            dueAt,
            OverdueRule.IsOverdue(complaint.Stage, complaint.OmbudsmanHasDecided, dueAt, entity.GetBoolean("Overdue") ?? false, now),
            entity.GetBoolean("MailFailed") ?? false,
            entity.GetString("AssignedTo") is { Length: > 0 } assigned ? assigned : null,
            entity.GetBoolean("Erased") ?? false,
            entity.GetBoolean("LegalHold") ?? false);
    }

    /// <summary>The columns erasure blanks: who the customer is, what they bought and wrote, and the key their request came with.</summary>
    public static IReadOnlyList<string> PersonalColumns { get; } =
        ["CustomerName", "CustomerEmail", "CustomerPhone", "OrderNumber", "Product", "Description", "CategorySuggestedFrom", "PurchaseDate", "DeliveryDate", "IdempotencyKey"];

    /// <summary>Puts the case under a legal hold, or lifts it (merged beside the domain's columns, as the service state is).</summary>
    public async Task SetLegalHoldAsync(CaseNumber caseNumber, bool hold, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var change = new TableEntity(caseNumber.Value, RowKey) { ["LegalHold"] = hold };
        await table.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
        await MergeIntoListAsync(change, cancellationToken);
    }

    /// <summary>The erasure begun on the case, if one has (and was not finished: then the row says <c>Erased</c>).</summary>
    public async Task<ErasureMark?> FindErasureAsync(CaseNumber caseNumber, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, RowKey, ["ErasingSince", "ErasingBy", "ErasingReason"], cancellationToken);
        return row.HasValue && row.Value is { } e && e.GetDateTimeOffset("ErasingSince") is { } since
            ? new ErasureMark(since, e.GetString("ErasingBy") ?? "system", e.GetString("ErasingReason") ?? string.Empty)
            : null;
    }

    /// <summary>Writes that an erasure begins (the first mark stays: a second run finishes the first one's).</summary>
    public async Task<ErasureMark> BeginErasureAsync(CaseNumber caseNumber, ErasureMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (await FindErasureAsync(caseNumber, cancellationToken) is { } begun)
        {
            return begun;
        }

        var table = await tables.GetAsync(TableNames.Complaints);
        await table.UpdateEntityAsync(
            new TableEntity(caseNumber.Value, RowKey) { ["ErasingSince"] = mark.Since, ["ErasingBy"] = mark.By, ["ErasingReason"] = mark.Reason },
            ETag.All, TableUpdateMode.Merge, cancellationToken);
        return mark;
    }

    /// <summary>
    /// The row without its personal columns (the e-mail and description as empty text, the rest gone), marked
    /// <c>Erased</c> at <paramref name="at"/>; every other column stays as it was, also those this class does not know.
    /// </summary>
    public async Task EraseRowAsync(CaseNumber caseNumber, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, RowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return;
        }

        var erased = CopyColumns(entity, new TableEntity(caseNumber.Value, RowKey), [.. PersonalColumns]);
        erased["CustomerEmail"] = string.Empty;
        erased["Description"] = string.Empty;
        erased["Erased"] = true;
        erased["ErasedAt"] = entity.GetDateTimeOffset("ErasedAt") ?? at;
        try
        {
            await table.UpdateEntityAsync(erased, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            throw new ConcurrentCaseUpdateException(caseNumber, e);
        }

        // A line a crash left on the open-case list holds the columns too.
        await ForgetAsync(await tables.GetAsync(TableNames.OpenCases), caseNumber, cancellationToken);
    }

    /// <summary>The cases opened by this address (the address as stored, compared without case), erased ones too.</summary>
    public async Task<IReadOnlyList<CaseOnTheList>> FindByEmailAsync(string email, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var table = await tables.GetAsync(TableNames.Complaints);
        var wanted = email.Trim();
        var found = new List<CaseOnTheList>();
        // Table Storage compares text exactly: the address as written and in lower case cover how it was stored.
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey} and (CustomerEmail eq {wanted} or CustomerEmail eq {wanted.ToLowerInvariant()})");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(OnTheList(entity, now));
        }

        return found.OrderBy(c => c.Complaint.OpenedAt).ToList();
    }

    /// <summary>Closed cases whose close is at or before <paramref name="closedBy"/>, not yet erased: the retention sweep's candidates.</summary>
    public async IAsyncEnumerable<CaseOnTheList> ListClosedBeforeAsync(DateTimeOffset closedBy, DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey} and Stage eq {CaseStage.Closed.ToWire()} and ClosedAt le {closedBy}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.GetBoolean("Erased") is true)
            {
                continue;
            }

            CaseOnTheList? row;
            try
            {
                row = OnTheList(entity, now);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                // A row that does not read as a case is left for a person; the sweep goes on with the others.
                row = null;
            }

            if (row is not null)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// Who owns the case and when its next answer is due, beside the domain's columns (merged, so it
    /// never touches the complaint itself and needs no ETag).
    /// </summary>
    public async Task UpdateServiceStateAsync(
        CaseNumber caseNumber, string? owner = null, DateTimeOffset? dueAt = null, bool? overdue = null, bool clearDue = false, bool? mailFailed = null, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Complaints);
        var entity = new TableEntity(caseNumber.Value, RowKey);
        if (owner is not null)
        {
            entity["Owner"] = owner;
        }

        // Kept as text: a merge cannot write a null, and "no answer owed" must be writable.
        if (dueAt is not null || clearDue)
        {
            entity["DueAt"] = dueAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;
        }

        if (overdue is not null)
        {
            entity["Overdue"] = overdue;
        }

        if (mailFailed is not null)
        {
            entity["MailFailed"] = mailFailed;
        }

        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        await MergeIntoListAsync(entity, cancellationToken);
    }

    static TableEntity ToEntity(Complaint complaint, string? idempotencyKey)
    {
        var details = complaint.Details;
        var customer = details.Customer;
        var purchase = details.Purchase;
        return new TableEntity(complaint.CaseNumber.Value, RowKey)
        {
            ["Channel"] = complaint.Channel.ToWire(),
            ["Category"] = details.Category.ToWire(),
            ["CategorySource"] = details.CategorySource == CategorySource.Suggested ? "suggested" : "chosen",
            ["CategorySuggestedFrom"] = details.SuggestedFrom,
            ["Description"] = details.Description,
            ["CustomerName"] = customer.Name,
            ["CustomerEmail"] = customer.Email,
            ["CustomerPhone"] = customer.Phone,
            ["Language"] = customer.Language,
            ["Country"] = customer.Country.ToString(),
            ["OrderNumber"] = purchase.OrderNumber,
            ["Product"] = purchase.Product,
            ["Manufacturer"] = purchase.Manufacturer,
            ["PurchaseDate"] = purchase.PurchaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DeliveryDate"] = purchase.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Stage"] = complaint.Stage.ToWire(),
            ["OpenedAt"] = complaint.OpenedAt,
            ["UpdatedAt"] = complaint.UpdatedAt,
            ["ClosedAt"] = complaint.ClosedAt,
            ["ClosedBy"] = complaint.ClosedBy?.ToString(),
            ["OmbudsmanHasDecided"] = complaint.OmbudsmanHasDecided,
            ["BodyOutcomeRecorded"] = complaint.BodyOutcomeRecorded,
            ["IdempotencyKey"] = idempotencyKey,
        };
    }

    static Complaint FromEntity(TableEntity e)
    {
        var customer = new Customer(
            e.GetString("CustomerName"),
            e.GetString("CustomerEmail"),
            e.GetString("CustomerPhone"),
            e.GetString("Language"),
            Enum.Parse<Country>(e.GetString("Country")));
        var purchase = new Purchase(
            e.GetString("OrderNumber"),
            e.GetString("Product"),
            e.GetString("Manufacturer"),
            ParseDate(e.GetString("PurchaseDate")),
            ParseDate(e.GetString("DeliveryDate")));
        _ = ComplaintCategoryNames.TryParse(e.GetString("Category"), out var category);
        _ = ChannelNames.TryParse(e.GetString("Channel"), out var channel);
        _ = CaseStageNames.TryParse(e.GetString("Stage"), out var stage);
        CaseAction? closedBy = Enum.TryParse<CaseAction>(e.GetString("ClosedBy"), out var action) ? action : null;
        return Complaint.Restore(
            CaseNumber.Parse(e.PartitionKey),
            channel,
            new ComplaintDetails(customer, purchase, category, e.GetString("Description"))
            {
                // Rows from before the column: a case that came by mail had its category suggested from words.
                CategorySource = e.GetString("CategorySource") switch
                {
                    "suggested" => CategorySource.Suggested,
                    "chosen" => CategorySource.Chosen,
                    _ => channel == Channel.Email ? CategorySource.Suggested : CategorySource.Chosen,
                },
                SuggestedFrom = e.GetString("CategorySuggestedFrom"),
            },
            e.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            stage,
            // A merge writes no empty columns: a reopened case still has its earlier close's, which no longer hold.
            stage == CaseStage.Closed ? e.GetDateTimeOffset("ClosedAt") : null,
            stage == CaseStage.Closed ? closedBy : null,
            e.GetBoolean("OmbudsmanHasDecided") ?? false,
            e.GetBoolean("BodyOutcomeRecorded") ?? false);
    }

    static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
