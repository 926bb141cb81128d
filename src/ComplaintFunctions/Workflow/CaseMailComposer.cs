using System.Globalization;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Staff;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Workflow;

/// <summary>A mail composed for its reader.</summary>
public sealed record ComposedMail(string To, string? ToName, string Language, string Subject, MailBody Body, string? From, string? FromName, bool ToStaff);

/// <summary>A preview for staff: the text they are writing, and what a link in the mail is shown as (a preview never issues a link).</summary>
public sealed record MailPreview(string? Text, string LinkShownAs);

/// <summary>
/// The words of every mail of a case: its recipient and language, the template filled with the case's
/// values, links issued for it. The case's activities send what it composes; the console previews it,
/// so an agent sees the mail exactly as the customer will get it.
/// </summary>
public sealed class CaseMailComposer(
    CaseTexts texts,
    ActionTokens tokens,
    ViewTokens viewTokens,
    StatusLinks statusLinks,
    ManufacturerDirectory manufacturers,
    ComplaintFunctions.Domain.Disputes.DisputeBodyRegistry registry,
    IOptions<MailOptions> mailOptions,
    IOptions<StaffOptions> staffOptions,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<TriageOptions> triageOptions,
    CaseTriage triage,
    IOptionsMonitor<BusinessHoursOptions> hours)
{
    /// <summary>The mail an order asks for, as its reader gets it: to whom, in which language, its words.</summary>
    /// <param name="preview">A preview for staff: links are shown as what they are, never issued.</param>
    public async Task<ComposedMail> ComposeAsync(Complaint complaint, CaseMailOrder order, MailPreview? preview = null)
    {
        var number = complaint.CaseNumber;
        var customer = complaint.Details.Customer;
        var staff = staffOptions.Value;
        var toStaff = MailKinds.ToStaff(order.Kind);
        var language = toStaff ? staff.Language : customer.Language;
        var to = order.Kind switch
        {
            MailKind.StaffEscalation or MailKind.StaffApprovalRequest or MailKind.StaffStageFailed => staff.TeamLeadEmail,
            MailKind.OmbudsmanCaseFile or MailKind.OmbudsmanReminder => staff.OmbudsmanEmail,
            MailKind.OmbudsmanEscalation or MailKind.ComplianceEscalation or MailKind.BodyReplyEscalation => staff.ManagementEmail,
            MailKind.BodyReminder or MailKind.ComplianceRequest or MailKind.BodyReplyReminder => staff.DisputeContactEmail,
            MailKind.BodyFilingNotice => order.Extra?.GetValueOrDefault("to") switch
            {
                ActionRoles.Ombudsman => staff.OmbudsmanEmail,
                ActionRoles.TeamLead => staff.TeamLeadEmail,
                _ => staff.DisputeContactEmail,
            },
            _ when toStaff => staff.TeamEmail,
            _ => customer.Email,
        };

        var calendar = new BusinessCalendar(customer.Country, hours.Get(customer.Country.ToString()));
        var values = await ValuesAsync(complaint, order, calendar, language, preview);
        var (subject, body) = MailTexts.For(order.Kind, language).Fill(values);
        if (toStaff)
        {
            body.Paragraph(MailTexts.ConsoleLink(language, $"{pipelineOptions.Value.PublicBaseUrl.TrimEnd('/')}/api/console/cases/{number.Value}"));
        }

        // The independent ombudsman writes to the customer in their own name, from their own address.
        var (from, fromName) = MailKinds.FromOmbudsman(order.Kind) ? (staff.OmbudsmanEmail, mailOptions.Value.OmbudsmanFromName) : ((string?)null, (string?)null);
        return new ComposedMail(to, toStaff ? null : customer.Name, language, subject, body, from, fromName, toStaff);
    }

    async Task<Dictionary<string, string?>> ValuesAsync(Complaint complaint, CaseMailOrder order, BusinessCalendar calendar, string language, MailPreview? preview)
    {
        var details = complaint.Details;
        var customer = details.Customer;
        var mail = mailOptions.Value;
        var baseUrl = pipelineOptions.Value.PublicBaseUrl.TrimEnd('/');
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["case"] = complaint.CaseNumber.Value,
            ["greeting"] = MailTexts.Greeting(customer.Language, customer.Name),
            ["statusUrl"] = statusLinks.UrlFor(complaint.CaseNumber),
            ["phone"] = mail.PhoneFor(customer.Country.ToString()),
            ["email"] = mail.EmailFor(customer.Country.ToString()),
            ["customer"] = string.IsNullOrWhiteSpace(customer.Name) ? customer.Email : $"{customer.Name} <{customer.Email}>",
            // Only staff mails name the category; they read it in the staff language.
            ["category"] = MailKinds.ToStaff(order.Kind) ? details.Category.StaffName(language) : details.Category.ToWire(),
            ["channel"] = complaint.Channel.ToWire(),
            ["country"] = customer.Country.ToString(),
            ["product"] = details.Purchase.Product ?? "-",
            ["deliveryDate"] = details.Purchase.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
            ["description"] = details.Description,
            ["amount"] = order.Amount is { } amount ? AmountFormat.Format(amount, CaseCurrency.For(customer.Country), language) : null,
        };

        var text = preview is not null ? preview.Text : await texts.ReadAsync(complaint.CaseNumber, order.TextRef);
        values["answer"] = text;
        values["reply"] = text;
        values["reason"] = text;

        foreach (var (name, instant) in order.Times)
        {
            values[name] = calendar.ToLocal(new DateTimeOffset(instant, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        foreach (var link in order.Links)
        {
            if (preview is not null)
            {
                values[link.Placeholder] = preview.LinkShownAs;
                continue;
            }

            var token = tokens.Issue(complaint.CaseNumber, link.Step, link.Role, new DateTimeOffset(link.ExpiresAt, TimeSpan.Zero), link.ActionId);
            values[link.Placeholder] = $"{baseUrl}/api/actions/{token}";
        }

        // Staff read the case and its files through signed view links: a mail never links to a route that needs a function key.
        foreach (var view in order.Views ?? [])
        {
            var token = viewTokens.Issue(complaint.CaseNumber, view.View, view.Role, new DateTimeOffset(view.ExpiresAt, TimeSpan.Zero));
            values[view.Placeholder] = $"{baseUrl}/api/view/{token}";
        }

        values["recommendation"] = text;
        var extra = order.Extra ?? new Dictionary<string, string>();

        // What the process says about a refused step, a failed stage or a withdrawal.
        foreach (var key in (string[])["step", "refusal", "actor", "stage", "error", "otherCase"])
        {
            if (extra.TryGetValue(key, out var value))
            {
                values[key] = value;
            }
        }

        if (extra.TryGetValue("bodyId", out var bodyId) && registry.Bodies.FirstOrDefault(b => b.Id == bodyId) is { } body)
        {
            values["body"] = registry.TextFor(body, language).Name;
        }

        if (order.Kind is MailKind.OmbudsmanReferral && extra.TryGetValue("bodyId", out var referredTo) && registry.Bodies.FirstOrDefault(b => b.Id == referredTo) is { } referred)
        {
            values["bodyAbout"] = BodyAbout(referred, language);
        }

        if (extra.TryGetValue("outcome", out var outcome))
        {
            values["decision"] = MailTexts.DecisionWord(language, outcome);
            values["reasons"] = text;
            values["odrNotice"] = registry.EuOdrNotice(language);
            values["bodies"] = BodiesList(values, language);
        }

        if (order.Kind is MailKind.Acknowledgement && details.Category is ComplaintCategory.Doa)
        {
            values["doaDays"] = triageOptions.Value.DoaDays.ToString(CultureInfo.InvariantCulture);
        }

        if (order.Kind is MailKind.StaffAssignment or MailKind.StaffManufacturerReturn or MailKind.StaffTakenBack)
        {
            values["checks"] = (await triage.AssessAsync(complaint.CaseNumber, details, language)).Checks;
        }

        if (order.Kind is MailKind.ManufacturerSupport)
        {
            // Only cases routed by CaseRouting come here, which needs the manufacturer's own contact.
            var contact = manufacturers.FindManufacturerContact(details.Purchase.Manufacturer, customer.Country)
                ?? throw new InvalidOperationException($"Case {complaint.CaseNumber}: no support contact of the manufacturer is known; the manufacturer mail is not sent.");
            values["manufacturer"] = contact.Name;
            values["contact"] = string.Join("\n", new[] { contact.Web, contact.Phone, contact.Email }.Where(v => !string.IsNullOrWhiteSpace(v)));
        }

        return values;
    }

    /// <summary>Each offered body in the customer's words: what it does, what it costs, how long, what first, how to file, and the link.</summary>
    string? BodiesList(Dictionary<string, string?> values, string language)
    {
        var labels = MailTexts.BodyLabels(language);
        var list = new StringBuilder();
        foreach (var (placeholder, url) in values.Where(v => v.Key.StartsWith("body:", StringComparison.Ordinal)).ToList())
        {
            if (registry.Bodies.FirstOrDefault(b => b.Id == placeholder[5..]) is not { } body)
            {
                continue;
            }

            var t = registry.TextFor(body, language);
            list.Append("- ").Append(t.Name).Append(": ").Append(t.WhatItDoes).Append('\n')
                .Append("  ").Append(labels.Cost).Append(": ").Append(t.Cost).Append('\n')
                .Append("  ").Append(labels.HowLong).Append(": ").Append(t.HowLong).Append('\n')
                .Append("  ").Append(labels.NeedsFirst).Append(": ").Append(t.NeedsFirst).Append('\n')
                .Append("  ").Append(labels.HowToFile).Append(": ").Append(t.HowToFile).Append('\n')
                .Append("  ").Append(labels.TakeIt).Append(' ').Append(t.Name).Append(": ").Append(url).Append("\n\n");
        }

        return list.Length == 0 ? null : list.ToString().TrimEnd();
    }

    /// <summary>
    /// The body a case is referred to, in the customer's words: what it does and how it works. Not what it
    /// needs first nor how to file: the referral met the one, and the retailer files the case itself.
    /// </summary>
    string BodyAbout(ComplaintFunctions.Domain.Disputes.DisputeBody body, string language)
    {
        var labels = MailTexts.BodyLabels(language);
        var t = registry.TextFor(body, language);
        return new StringBuilder()
            .Append(t.Name).Append(": ").Append(t.WhatItDoes).Append('\n')
            .Append("- ").Append(labels.Cost).Append(": ").Append(t.Cost).Append('\n')
            .Append("- ").Append(labels.HowLong).Append(": ").Append(t.HowLong)
            .ToString();
    }
}
