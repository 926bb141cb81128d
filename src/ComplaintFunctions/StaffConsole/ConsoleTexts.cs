using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Views;
using ComplaintFunctions.Workflow.Process;

namespace ComplaintFunctions.StaffConsole;

/// <summary>A staff step's words on the console: what the catalogue says in English, in the staff language.</summary>
public sealed record StepWords(string Title, string Explanation, string Button, string? TextLabel = null, string? AmountLabel = null, string? NoteLabel = null, string? FlagLabel = null, IReadOnlyDictionary<string, string>? Choices = null);

/// <summary>
/// The console's words in the staff language (<c>Staff:Language</c>, nb or en), as the staff mails are.
/// The trail stays in English: it is the case's audit record, written once for every reader.
/// </summary>
public sealed class ConsoleTexts
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "en"];

    public static ConsoleTexts For(string? language) => language == "nb" ? Norwegian : English;

    public required string Language { get; init; }

    // The frame.
    public required string Worklist { get; init; }
    public required string MailsToReview { get; init; }
    public required string SignOut { get; init; }
    public required string SignIn { get; init; }
    public required string ConsoleNav { get; init; }

    // The worklist.
    public required string SearchLabel { get; init; }
    public required string StageLabel { get; init; }
    public required string AllOpen { get; init; }
    public required string OverdueOnly { get; init; }
    public required string MineOnly { get; init; }
    public required string Show { get; init; }
    public required string OneOpenCase { get; init; }
    public required string OpenCases { get; init; }
    public required string TimesIn { get; init; }
    public required string WorklistCaption { get; init; }
    public required string[] WorklistColumns { get; init; }
    public required string Overdue { get; init; }
    public required string WithTheOmbudsman { get; init; }
    public required string MailFailed { get; init; }
    public required string MailOk { get; init; }
    public required string NextPage { get; init; }

    // The case page.
    public required string CaseTitle { get; init; }
    public required string Done { get; init; }
    public required string DoneHint { get; init; }
    public required string Stage { get; init; }
    public required string With { get; init; }
    public required string AssignedTo { get; init; }
    public required string Nobody { get; init; }
    public required string Due { get; init; }
    public required string AMailFailed { get; init; }
    public required string Customer { get; init; }
    public required string[] CustomerRows { get; init; }
    public required string SuggestedFromText { get; init; }
    public required string Checks { get; init; }
    public required string Attachments { get; init; }
    public required string Conversation { get; init; }
    public required string TheCustomer { get; init; }
    public required string TheComplaint { get; init; }
    public required string InternalNote { get; init; }
    public required string Assignment { get; init; }
    public required string MailSent { get; init; }
    public required string WhatYouCanDo { get; init; }
    public required string NoSteps { get; init; }
    public required string WholeTrail { get; init; }
    public required string[] TrailColumns { get; init; }
    public required string TimelineSays { get; init; }
    public required string[] TimelineStages { get; init; }
    public required string Amount { get; init; }
    public required string None { get; init; }
    public required string FinalAnswerFrom { get; init; }
    public required string PreviewNotSent { get; init; }
    public required string PreviewOfTheMail { get; init; }
    public required string PreviewButton { get; init; }
    public required string LinkShownAs { get; init; }
    public required string CannedLabel { get; init; }
    public required string UseCanned { get; init; }
    public required string Text { get; init; }
    public required string CommentOptional { get; init; }
    public required string Decision { get; init; }
    public required string InCurrency { get; init; }
    public required string AddNote { get; init; }
    public required string NoteHint { get; init; }
    public required string TheNote { get; init; }
    public required string AddNoteButton { get; init; }
    public required string Assign { get; init; }
    public required string AssignLabel { get; init; }
    public required string AssignButton { get; init; }
    public required string CorrectCategory { get; init; }
    public required string CorrectCountry { get; init; }
    public required string CorrectLanguage { get; init; }
    public required string MergeInto { get; init; }

    // What a post says back.
    public required string NoSuchStepTitle { get; init; }
    public required string NoSuchStep { get; init; }
    public required string NotYourStepTitle { get; init; }
    public required string NotYourStep { get; init; }
    public required string NotPossibleNow { get; init; }
    public required string CaseChanged { get; init; }
    public required string WriteTextFirst { get; init; }
    public required string ChooseFromLists { get; init; }
    public required string NothingToCorrect { get; init; }
    public required string WriteMergeNumber { get; init; }
    public required string NotIntoItself { get; init; }
    public required string NoCaseNumbered { get; init; }
    public required string MergeTargetNotWithTeam { get; init; }
    public required string NoPreviewTitle { get; init; }
    public required string NoPreview { get; init; }
    public required string NoAttachmentTitle { get; init; }
    public required string NoAttachment { get; init; }
    public required string WriteNoteFirst { get; init; }
    public required string NoteTooLong { get; init; }
    public required string NameTooLong { get; init; }
    public required string SignedOutTitle { get; init; }
    public required string SignedOutNothingDone { get; init; }
    public required string NothingSentTitle { get; init; }
    public required string FormEmpty { get; init; }
    public required string NothingDone { get; init; }
    public required string FormNotValidTitle { get; init; }
    public required string FormNotValid { get; init; }
    public required string NoSuchCaseTitle { get; init; }
    public required string NoSuchCase { get; init; }
    public required string WithOmbudsmanTitle { get; init; }
    public required string OmbudsmanIndependence { get; init; }
    public required string DoneReviewAttached { get; init; }
    public required string DoneReviewOpened { get; init; }
    public required string DoneNote { get; init; }
    public required string DoneAssign { get; init; }
    public required string NotSetUpTitle { get; init; }
    public required string NotSetUp { get; init; }

    // The pages of the action links in staff mails (/api/actions/…); their invalid and expired pages say what the view links' say.
    public required string LinkDone { get; init; }
    public required string LinkCustomer { get; init; }
    public required string LinkCategory { get; init; }
    public required string LinkComplaint { get; init; }
    public required string LinkNothingYet { get; init; }
    public required string LinkStillWorks { get; init; }
    public required string LinkUsedTitle { get; init; }
    public required string LinkUsed { get; init; }
    public required string LinkUsedEarlier { get; init; }
    public required string LinkNotNowTitle { get; init; }
    public required string LinkNotNow { get; init; }
    public required string LinkNotAllowedTitle { get; init; }
    public required string LinkNotAllowed { get; init; }
    public required string ChooseAnOption { get; init; }
    public required string OrLeaveAmountEmpty { get; init; }

    // The sign-in.
    public required string SignInUnreachableTitle { get; init; }
    public required string SignInUnreachable { get; init; }
    public required string SignInFailedTitle { get; init; }
    public required string SignInUnreadable { get; init; }
    public required string SignInNotStartedHere { get; init; }
    public required string SignInAgain { get; init; }
    public required string NoRoleTitle { get; init; }
    public required string NoRole { get; init; }
    public required string SignedOut { get; init; }

    // The mails to review.
    public required string ReviewCount { get; init; }
    public required string ReviewCountOne { get; init; }
    public required string NewestFirst { get; init; }
    public required string[] ReviewColumns { get; init; }
    public required string NoSubject { get; init; }
    public required string InHand { get; init; }
    public required string Waiting { get; init; }
    public required string AMailToReview { get; init; }
    public required string NoSuchMailTitle { get; init; }
    public required string NoSuchMail { get; init; }
    public required string FormNotValidMail { get; init; }
    public required string MailUnreadableOnlyDismiss { get; init; }
    public required string WriteAttachNumber { get; init; }
    public required string CaseWithOmbudsman { get; init; }
    public required string CaseClosedReopenFirst { get; init; }
    public required string TakenFirst { get; init; }
    public required string[] ItemRows { get; init; }
    public required string TheMail { get; init; }
    public required string MailAttachments { get; init; }
    public required string MailCouldNotBeRead { get; init; }
    public required string Handled { get; init; }
    public required string AttachTitle { get; init; }
    public required string AttachHint { get; init; }
    public required string AttachLabel { get; init; }
    public required string AttachButton { get; init; }
    public required string OpenTitle { get; init; }
    public required string OpenHint { get; init; }
    public required string OpenButton { get; init; }
    public required string DismissTitle { get; init; }
    public required string DismissHint { get; init; }
    public required string WhyOptional { get; init; }
    public required string DismissButton { get; init; }
    public required string Dismissed { get; init; }
    public required string AttachedTo { get; init; }
    public required string OpenedAs { get; init; }
    public required string OpenedAsACase { get; init; }
    public required string DismissedBy { get; init; }
    public required string NotYourListTitle { get; init; }
    public required string NotYourList { get; init; }

    // Personal data: erasure, legal hold and export (a team lead or management).
    public required string PrivacyNav { get; init; }
    public required string PrivacyTitle { get; init; }
    public required string PrivacyHint { get; init; }
    public required string NotYourPrivacyTitle { get; init; }
    public required string NotYourPrivacy { get; init; }
    public required string EmailLabel { get; init; }
    public required string ReasonLabel { get; init; }
    public required string WriteEmailFirst { get; init; }
    public required string WriteReasonFirst { get; init; }
    public required string ExportTitle { get; init; }
    public required string ExportHint { get; init; }
    public required string ExportAsPage { get; init; }
    public required string ExportAsJson { get; init; }
    public required string ExportButton { get; init; }
    public required string ExportOf { get; init; }
    public required string ExportMadeAt { get; init; }
    public required string ExportNothing { get; init; }
    public required string ExportCase { get; init; }
    public required string ExportTexts { get; init; }
    public required string ExportAttachments { get; init; }
    public required string ExportMailsSent { get; init; }
    public required string ExportMailsReceived { get; init; }
    public required string ExportReview { get; init; }
    public required string ExportTrail { get; init; }
    public required string ExportErasedCase { get; init; }
    public required string[] ExportMailColumns { get; init; }
    public required string EraseByAddressTitle { get; init; }
    public required string EraseByAddressHint { get; init; }
    public required string EraseConfirm { get; init; }
    public required string EraseButton { get; init; }
    public required string ErasureResultTitle { get; init; }
    public required string ErasedOne { get; init; }
    public required string AlreadyErasedOne { get; init; }
    public required string RefusedOne { get; init; }
    public required string CasePrivacy { get; init; }
    public required string EraseCaseTitle { get; init; }
    public required string EraseCaseHint { get; init; }
    public required string ErasedBanner { get; init; }
    public required string ErasureRefused { get; init; }
    public required string RefusedOpen { get; init; }
    public required string RefusedExternalBody { get; init; }
    public required string RefusedLegalHold { get; init; }
    public required string LegalHoldOn { get; init; }
    public required string LegalHoldOff { get; init; }
    public required string HoldHint { get; init; }
    public required string HoldButton { get; init; }
    public required string LiftHoldButton { get; init; }
    public required string DoneErased { get; init; }
    public required string DoneHold { get; init; }
    public required string DoneHoldLifted { get; init; }

    /// <summary>Why erasure is refused, in this language.</summary>
    public string RefusalText(Privacy.ErasureRefusal refusal) => refusal switch
    {
        Privacy.ErasureRefusal.Open => RefusedOpen,
        Privacy.ErasureRefusal.ExternalBody => RefusedExternalBody,
        Privacy.ErasureRefusal.LegalHold => RefusedLegalHold,
        _ => string.Empty,
    };

    /// <summary>The staff steps in this language; English reads the catalogue's own words.</summary>
    public IReadOnlyDictionary<string, StepWords> Steps { get; init; } = new Dictionary<string, StepWords>();

    public required IReadOnlyDictionary<string, string> Roles { get; init; }

    /// <summary>Who holds a case, as the process names it (English on the list), in this language.</summary>
    public required IReadOnlyDictionary<string, string> Owners { get; init; }

    public string RoleName(string role) => Roles.TryGetValue(role, out var name) ? name : role;

    public string Owner(string? owner) => owner is null ? "—" : Owners.TryGetValue(owner, out var words) ? words : owner;

    public string StageName(CaseStage stage) => ViewPageTexts.For(Language).Stages.TryGetValue(stage, out var words) ? words : stage.Describe();

    /// <summary>A step's words here: the staff language's, or the catalogue's.</summary>
    public StepWords WordsOf(ActionStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Steps.TryGetValue(step.Step, out var words)
            ? words
            : new StepWords(step.Title, step.Explanation, step.Button, step.TextLabel, step.AmountLabel, step.NoteLabel, step.FlagLabel, step.Choices?.ToDictionary(c => c.Value, c => c.Label));
    }

    static readonly ConsoleTexts English = new()
    {
        PrivacyNav = "Personal data",
        PrivacyTitle = "Personal data: access and erasure",
        PrivacyHint = "What the customer has the right to: a copy of everything we hold about their e-mail address, and erasure. Erasure keeps the anonymised facts (category, country, dates, outcomes) for the reports; a case that is open, with an external dispute body or under a legal hold is not erased.",
        NotYourPrivacyTitle = "For team leads and management",
        NotYourPrivacy = "Exports, erasure and legal holds are done by a team lead or management.",
        EmailLabel = "The customer's e-mail address",
        ReasonLabel = "Why (on the case's trail; do not name the customer)",
        WriteEmailFirst = "Write the e-mail address first.",
        WriteReasonFirst = "Write why first: the reason goes on the case's trail.",
        ExportTitle = "Everything we hold about an address",
        ExportHint = "Every case of the address with its texts, trail, attachments and mails, and mails from it waiting for review.",
        ExportAsPage = "As a page to read",
        ExportAsJson = "As a JSON file",
        ExportButton = "Make the export",
        ExportOf = "Personal data held about {email}",
        ExportMadeAt = "Made {at} by {who}.",
        ExportNothing = "We hold no case and no mail of this address.",
        ExportCase = "Case {case}",
        ExportTexts = "Texts written on the case",
        ExportAttachments = "Attachments",
        ExportMailsSent = "Mails sent",
        ExportMailsReceived = "Mails received",
        ExportReview = "Mails from the address waiting for review",
        ExportTrail = "The case's trail",
        ExportErasedCase = "The personal data of this case was erased; only anonymised facts are kept.",
        ExportMailColumns = ["When", "To or from", "Subject or outcome", "State"],
        EraseByAddressTitle = "Erase every case of an address",
        EraseByAddressHint = "Each case of the address is erased when it may be; the others are named with the reason.",
        EraseConfirm = "I have checked that the customer asked for erasure (or that it is due), and that nothing must be kept.",
        EraseButton = "Erase the personal data",
        ErasureResultTitle = "Erasure",
        ErasedOne = "{case}: erased.",
        AlreadyErasedOne = "{case}: erased before.",
        RefusedOne = "{case}: not erased: {why}",
        CasePrivacy = "Personal data",
        EraseCaseTitle = "Erase this case's personal data",
        EraseCaseHint = "Name, address, phone, order, texts, attachments and mails are erased for good; the anonymised facts and the trail's lines stay.",
        ErasedBanner = "The personal data of this case was erased on {at}. Only the anonymised facts and the trail are kept.",
        ErasureRefused = "Not erased: {why}",
        RefusedOpen = "the case is open and being handled. Close it first (or wait until it closes).",
        RefusedExternalBody = "an external dispute body still has the case; the retailer must be able to answer it until the dispute ends.",
        RefusedLegalHold = "the case is under a legal hold. Lift the hold first, if it is no longer needed.",
        LegalHoldOn = "Under a legal hold: it is not erased, on request or when its retention period ends.",
        LegalHoldOff = "No legal hold.",
        HoldHint = "A legal hold keeps the case's data while a claim, a court case or an authority may need it.",
        HoldButton = "Put under a legal hold",
        LiftHoldButton = "Lift the legal hold",
        DoneErased = "the personal data is erased",
        DoneHold = "the case is under a legal hold",
        DoneHoldLifted = "the legal hold is lifted",
        Language = "en",
        Worklist = "Worklist",
        MailsToReview = "Mails to review",
        SignOut = "Sign out",
        SignIn = "Sign in",
        ConsoleNav = "Console",
        SearchLabel = "Search (case number, name, e-mail, phone, order number)",
        StageLabel = "Stage",
        AllOpen = "All open",
        OverdueOnly = "Overdue only",
        MineOnly = "Mine only",
        Show = "Show",
        OneOpenCase = "1 open case",
        OpenCases = "{count} open cases",
        TimesIn = "times in {zone}",
        WorklistCaption = "Open cases, overdue first",
        WorklistColumns = ["Case", "Due", "Stage", "Customer", "Country", "Category", "With", "Mail"],
        Overdue = "overdue",
        WithTheOmbudsman = "(with the ombudsman)",
        MailFailed = "failed",
        MailOk = "ok",
        NextPage = "Next page",
        CaseTitle = "Case {case}",
        Done = "Done: {what}. The trail shows it; the stage moves on once the case has taken it (a moment).",
        DoneHint = "Done: {what}.",
        Stage = "Stage",
        With = "With",
        AssignedTo = "Assigned to",
        Nobody = "nobody yet",
        Due = "Due",
        AMailFailed = "a mail failed",
        Customer = "Customer",
        CustomerRows = ["Name", "E-mail", "Phone", "Country", "Language", "Category", "Order", "Product", "Manufacturer", "Delivered", "Channel", "Opened"],
        SuggestedFromText = " (suggested from the text)",
        Checks = "Checks",
        Attachments = "Attachments",
        Conversation = "Conversation",
        TheCustomer = "the customer",
        TheComplaint = "the complaint",
        InternalNote = "internal note",
        Assignment = "assignment",
        MailSent = "mail sent",
        WhatYouCanDo = "What you can do",
        NoSteps = "No step of the process is yours to take on this case now.",
        WholeTrail = "The whole trail ({count} lines)",
        TrailColumns = ["When", "Who", "What"],
        TimelineSays = "The case is {stage}",
        TimelineStages = ["Customer service", "Waiting for customer", "Final answer", "Ombudsman", "External body", "Closed"],
        Amount = "amount",
        None = "none",
        FinalAnswerFrom = "The final answer from {who} · amount {amount}",
        PreviewNotSent = "Preview, not sent · to {to} · {language}",
        PreviewOfTheMail = "Preview of the mail",
        PreviewButton = "Preview the mail",
        LinkShownAs = "[button link, made when the mail is sent]",
        CannedLabel = "Start from a prepared answer (in the customer's language, without greeting or signature: the mail adds them)",
        UseCanned = "Put it in the text",
        Text = "Text",
        CommentOptional = "Comment (optional)",
        Decision = "Decision",
        InCurrency = "{label}, in {currency}",
        AddNote = "Add an internal note",
        NoteHint = "For the team only: never mailed, never in a case file sent to an outside body.",
        TheNote = "The note",
        AddNoteButton = "Add the note",
        Assign = "Assign",
        AssignLabel = "Give the case to (a colleague's name; empty: to you)",
        AssignButton = "Assign",
        CorrectCategory = "Category",
        CorrectCountry = "Country",
        CorrectLanguage = "Language of the customer's mails",
        MergeInto = "The customer's other case, that this one is a duplicate of (K-dddd-dddd-ddd)",
        NoSuchStepTitle = "No such step",
        NoSuchStep = "The console has no such step.",
        NotYourStepTitle = "Not your step",
        NotYourStep = "Only the {roles} takes this step.",
        NotPossibleNow = "Not done: this step is not possible now ({why}).",
        CaseChanged = "Not sent: the case changed while you wrote. Read what is new, then send again if it still fits. New: {news}",
        WriteTextFirst = "Write the text first.",
        ChooseFromLists = "Choose a category, a country and a language from the lists.",
        NothingToCorrect = "Nothing to correct: that is what the case is already.",
        WriteMergeNumber = "Write the number of the case to merge into: K-dddd-dddd-ddd.",
        NotIntoItself = "A case is not merged into itself: write the number of the customer's other case.",
        NoCaseNumbered = "There is no case {case}.",
        MergeTargetNotWithTeam = "Case {case} is {stage}; a duplicate is merged into a case customer service still handles.",
        NoPreviewTitle = "No preview",
        NoPreview = "This step sends no mail of its own to preview.",
        NoAttachmentTitle = "No such attachment",
        NoAttachment = "The case has no attachment by that name.",
        WriteNoteFirst = "Write the note first.",
        NoteTooLong = "A note holds up to {max} characters.",
        NameTooLong = "A name holds up to 100 characters.",
        SignedOutTitle = "Signed out",
        SignedOutNothingDone = "Your sign-in has ended, so nothing was done. Sign in again.",
        NothingSentTitle = "Nothing was sent",
        FormEmpty = "The form was empty.",
        NothingDone = "Nothing was done.",
        FormNotValidTitle = "Form not valid",
        FormNotValid = "This form was not shown to you for this case, or it is more than 12 hours old. Open the case again.",
        NoSuchCaseTitle = "No such case",
        NoSuchCase = "There is no case {case}. Check the number: K-dddd-dddd-ddd.",
        WithOmbudsmanTitle = "With the customer ombudsman",
        OmbudsmanIndependence = "This case is under review by the independent customer ombudsman. Until the ombudsman has decided, only the ombudsman sees the case: that is what keeps the review independent of customer service and of the retailer's management. Your attempt to open it is on the case's trail.",
        DoneReviewAttached = "the mail from the review list is on the case as the customer's reply",
        DoneReviewOpened = "the mail from the review list opened this case",
        DoneNote = "the note is on the case",
        DoneAssign = "the case is assigned",
        NotSetUpTitle = "The console's sign-in is not set up",
        NotSetUp = "Console:Authority and Console:ClientId are not set, so nobody can sign in. In Azure they name the Entra ID tenant and the console's app registration (see the README).",
        LinkDone = "Done: {step}. The case's trail shows it.",
        LinkCustomer = "Customer:",
        LinkCategory = "Category:",
        LinkComplaint = "The complaint:",
        LinkNothingYet = "Nothing has happened yet: only the button acts.",
        LinkStillWorks = "The link still works.",
        LinkUsedTitle = "Link already used",
        LinkUsed = "This link has already been used, on {when}. Nothing more needs to be done through it.",
        LinkUsedEarlier = "earlier",
        LinkNotNowTitle = "Not possible now",
        LinkNotNow = "This step is not possible any more: {reason}",
        LinkNotAllowedTitle = "Not allowed",
        LinkNotAllowed = "This link does not allow this step: it is not your role's to take. Use the link in your own mail about the case, or the console.",
        ChooseAnOption = "Choose one of the options.",
        OrLeaveAmountEmpty = "Or leave the amount empty.",
        SignInUnreachableTitle = "Sign-in is not reachable",
        SignInUnreachable = "The sign-in service did not answer. Try again in a minute.",
        SignInFailedTitle = "Sign-in failed",
        SignInUnreadable = "The sign-in answer could not be read. Sign in again.",
        SignInNotStartedHere = "This sign-in was not started in this browser, or it took too long. Sign in again.",
        SignInAgain = "Sign in again.",
        NoRoleTitle = "No role in the complaint console",
        NoRole = "You are signed in as {name}, but you have no role in the complaint console. Ask whoever runs the console's app registration to give you one (agent, team lead, ombudsman, dispute contact or management).",
        SignedOut = "You are signed out of the complaint console.",
        ReviewCount = "{count} mails kept for a person: each named no case, or must not be answered by itself.",
        ReviewCountOne = "1 mail kept for a person: each named no case, or must not be answered by itself.",
        NewestFirst = "Newest first",
        ReviewColumns = ["Received", "From", "Subject", "Why it is here", "State"],
        NoSubject = "(no subject)",
        InHand = "in hand: {what}",
        Waiting = "waiting",
        AMailToReview = "A mail to review",
        NoSuchMailTitle = "No such mail",
        NoSuchMail = "The review list has no such mail.",
        FormNotValidMail = "This form was not shown to you for this mail, or it is more than 12 hours old. Open the mail again.",
        MailUnreadableOnlyDismiss = "The mail could not be read ({why}), so it can only be dismissed; its stored copy stays.",
        WriteAttachNumber = "Write the number of the case to attach it to: K-dddd-dddd-ddd.",
        CaseWithOmbudsman = "Case {case} is with the customer ombudsman, who alone handles it now.",
        CaseClosedReopenFirst = "Case {case} is closed; reopen it first, or open a new case from the mail.",
        TakenFirst = "Not done: someone took this mail in hand first ({what}).",
        ItemRows = ["From", "Subject", "Received", "Why it is here"],
        TheMail = "The mail",
        MailAttachments = "Attachments (kept with the case the mail goes to): {files}",
        MailCouldNotBeRead = "The mail could not be read: {why}. Its stored copy stays as it arrived.",
        Handled = "Handled: {what}.",
        AttachTitle = "Attach it to a case",
        AttachHint = "It becomes the customer's reply on that case, as if it had named the case: the team's answer clock starts again if the case waited for them.",
        AttachLabel = "The case (K-dddd-dddd-ddd)",
        AttachButton = "Attach it",
        OpenTitle = "Open a case from it",
        OpenHint = "A new case, as if the mail had come in as a complaint: the sender gets an acknowledgement with the case number.",
        OpenButton = "Open a case",
        DismissTitle = "Dismiss it",
        DismissHint = "Nothing is sent and no case is touched; the stored copy stays.",
        WhyOptional = "Why (optional)",
        DismissButton = "Dismiss it",
        Dismissed = "dismissed {subject}",
        AttachedTo = "attached to {case} by {who}",
        OpenedAs = "opened as case {case} by {who}",
        OpenedAsACase = "opened as a case by {who}",
        DismissedBy = "dismissed by {who}",
        NotYourListTitle = "Not your list",
        NotYourList = "The mails to review are customer service's: agents and team leads handle them.",
        Roles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ActionRoles.Agent] = "agent",
            [ActionRoles.TeamLead] = "team lead",
            [ActionRoles.Ombudsman] = "customer ombudsman",
            [ActionRoles.DisputeContact] = "dispute contact",
            [ActionRoles.Management] = "management",
        },
        Owners = new Dictionary<string, string>(StringComparer.Ordinal),
    };

    static readonly ConsoleTexts Norwegian = new()
    {
        PrivacyNav = "Personopplysninger",
        PrivacyTitle = "Personopplysninger: innsyn og sletting",
        PrivacyHint = "Det kunden har rett til: en kopi av alt vi har om e-postadressen, og sletting. Sletting beholder de anonyme faktaene (kategori, land, datoer, utfall) til rapportene; en sak som er åpen, hos et tvisteløsningsorgan eller under rettslig hold, slettes ikke.",
        NotYourPrivacyTitle = "For teamledere og ledelsen",
        NotYourPrivacy = "Innsyn, sletting og rettslig hold gjøres av en teamleder eller ledelsen.",
        EmailLabel = "Kundens e-postadresse",
        ReasonLabel = "Hvorfor (står i sakens logg; ikke nevn kunden ved navn)",
        WriteEmailFirst = "Skriv e-postadressen først.",
        WriteReasonFirst = "Skriv hvorfor først: begrunnelsen står i sakens logg.",
        ExportTitle = "Alt vi har om en adresse",
        ExportHint = "Alle saker for adressen med tekster, logg, vedlegg og e-poster, og e-poster fra den som venter på gjennomgang.",
        ExportAsPage = "Som en side å lese",
        ExportAsJson = "Som en JSON-fil",
        ExportButton = "Lag innsynet",
        ExportOf = "Personopplysninger vi har om {email}",
        ExportMadeAt = "Laget {at} av {who}.",
        ExportNothing = "Vi har ingen sak og ingen e-post fra denne adressen.",
        ExportCase = "Sak {case}",
        ExportTexts = "Tekster skrevet i saken",
        ExportAttachments = "Vedlegg",
        ExportMailsSent = "Sendte e-poster",
        ExportMailsReceived = "Mottatte e-poster",
        ExportReview = "E-poster fra adressen som venter på gjennomgang",
        ExportTrail = "Sakens logg",
        ExportErasedCase = "Personopplysningene i denne saken er slettet; bare anonyme fakta er beholdt.",
        ExportMailColumns = ["Når", "Til eller fra", "Emne eller utfall", "Status"],
        EraseByAddressTitle = "Slett alle saker for en adresse",
        EraseByAddressHint = "Hver sak for adressen slettes når den kan; de andre nevnes med grunnen.",
        EraseConfirm = "Jeg har kontrollert at kunden ba om sletting (eller at den er forfalt), og at ingenting må beholdes.",
        EraseButton = "Slett personopplysningene",
        ErasureResultTitle = "Sletting",
        ErasedOne = "{case}: slettet.",
        AlreadyErasedOne = "{case}: slettet tidligere.",
        RefusedOne = "{case}: ikke slettet: {why}",
        CasePrivacy = "Personopplysninger",
        EraseCaseTitle = "Slett personopplysningene i denne saken",
        EraseCaseHint = "Navn, adresse, telefon, ordre, tekster, vedlegg og e-poster slettes for godt; de anonyme faktaene og loggens linjer blir stående.",
        ErasedBanner = "Personopplysningene i denne saken ble slettet {at}. Bare de anonyme faktaene og loggen er beholdt.",
        ErasureRefused = "Ikke slettet: {why}",
        RefusedOpen = "saken er åpen og under behandling. Avslutt den først (eller vent til den er avsluttet).",
        RefusedExternalBody = "et tvisteløsningsorgan har fortsatt saken; forhandleren må kunne svare organet til tvisten er over.",
        RefusedLegalHold = "saken er under rettslig hold. Opphev holdet først, hvis det ikke lenger trengs.",
        LegalHoldOn = "Under rettslig hold: saken slettes ikke, verken på forespørsel eller når lagringstiden er ute.",
        LegalHoldOff = "Ikke under rettslig hold.",
        HoldHint = "Rettslig hold beholder sakens opplysninger så lenge et krav, en rettssak eller en myndighet kan trenge dem.",
        HoldButton = "Sett under rettslig hold",
        LiftHoldButton = "Opphev rettslig hold",
        DoneErased = "personopplysningene er slettet",
        DoneHold = "saken er under rettslig hold",
        DoneHoldLifted = "det rettslige holdet er opphevet",
        Language = "nb",
        Worklist = "Arbeidsliste",
        MailsToReview = "E-poster til gjennomgang",
        SignOut = "Logg ut",
        SignIn = "Logg inn",
        ConsoleNav = "Konsoll",
        SearchLabel = "Søk (saksnummer, navn, e-post, telefon, ordrenummer)",
        StageLabel = "Trinn",
        AllOpen = "Alle åpne",
        OverdueOnly = "Bare forfalte",
        MineOnly = "Bare mine",
        Show = "Vis",
        OneOpenCase = "1 åpen sak",
        OpenCases = "{count} åpne saker",
        TimesIn = "tider i {zone}",
        WorklistCaption = "Åpne saker, forfalte først",
        WorklistColumns = ["Sak", "Frist", "Trinn", "Kunde", "Land", "Kategori", "Hos", "E-post"],
        Overdue = "forfalt",
        WithTheOmbudsman = "(hos kundeombudsmannen)",
        MailFailed = "feilet",
        MailOk = "ok",
        NextPage = "Neste side",
        CaseTitle = "Sak {case}",
        Done = "Utført: {what}. Loggen viser det; trinnet går videre når saken har tatt det (et øyeblikk).",
        DoneHint = "Utført: {what}.",
        Stage = "Trinn",
        With = "Hos",
        AssignedTo = "Tildelt",
        Nobody = "ingen ennå",
        Due = "Frist",
        AMailFailed = "en e-post feilet",
        Customer = "Kunde",
        CustomerRows = ["Navn", "E-post", "Telefon", "Land", "Språk", "Kategori", "Ordre", "Produkt", "Produsent", "Levert", "Kanal", "Åpnet"],
        SuggestedFromText = " (foreslått ut fra teksten)",
        Checks = "Kontroller",
        Attachments = "Vedlegg",
        Conversation = "Samtalen",
        TheCustomer = "kunden",
        TheComplaint = "klagen",
        InternalNote = "intern merknad",
        Assignment = "tildeling",
        MailSent = "e-post sendt",
        WhatYouCanDo = "Hva du kan gjøre",
        NoSteps = "Ingen steg i prosessen er ditt å ta i denne saken nå.",
        WholeTrail = "Hele loggen ({count} linjer)",
        TrailColumns = ["Når", "Hvem", "Hva"],
        TimelineSays = "Saken er {stage}",
        TimelineStages = ["Kundeservice", "Venter på kunden", "Endelig svar", "Kundeombudsmann", "Eksternt organ", "Avsluttet"],
        Amount = "beløp",
        None = "ingen",
        FinalAnswerFrom = "Det endelige svaret fra {who} · beløp {amount}",
        PreviewNotSent = "Forhåndsvisning, ikke sendt · til {to} · {language}",
        PreviewOfTheMail = "Forhåndsvisning av e-posten",
        PreviewButton = "Forhåndsvis e-posten",
        LinkShownAs = "[knappelenke, lages når e-posten sendes]",
        CannedLabel = "Start fra et ferdig svar (på kundens språk, uten hilsen og signatur: e-posten legger dem til)",
        UseCanned = "Sett det inn i teksten",
        Text = "Tekst",
        CommentOptional = "Kommentar (valgfritt)",
        Decision = "Avgjørelse",
        InCurrency = "{label}, i {currency}",
        AddNote = "Legg til en intern merknad",
        NoteHint = "Bare for teamet: sendes aldri på e-post og kommer aldri med i saksdokumenter til et eksternt organ.",
        TheNote = "Merknaden",
        AddNoteButton = "Legg til merknaden",
        Assign = "Tildel",
        AssignLabel = "Gi saken til (en kollegas navn; tomt: til deg)",
        AssignButton = "Tildel",
        CorrectCategory = "Kategori",
        CorrectCountry = "Land",
        CorrectLanguage = "Språket i e-postene til kunden",
        MergeInto = "Kundens andre sak, som denne er et duplikat av (K-dddd-dddd-ddd)",
        NoSuchStepTitle = "Ukjent steg",
        NoSuchStep = "Konsollet har ikke et slikt steg.",
        NotYourStepTitle = "Ikke ditt steg",
        NotYourStep = "Bare {roles} tar dette steget.",
        NotPossibleNow = "Ikke utført: dette steget er ikke mulig nå ({why}).",
        CaseChanged = "Ikke sendt: saken endret seg mens du skrev. Les det som er nytt, og send på nytt hvis det fortsatt passer. Nytt: {news}",
        WriteTextFirst = "Skriv teksten først.",
        ChooseFromLists = "Velg en kategori, et land og et språk fra listene.",
        NothingToCorrect = "Ingenting å rette: saken er allerede slik.",
        WriteMergeNumber = "Skriv nummeret på saken den skal slås sammen med: K-dddd-dddd-ddd.",
        NotIntoItself = "En sak slås ikke sammen med seg selv: skriv nummeret på kundens andre sak.",
        NoCaseNumbered = "Det finnes ingen sak {case}.",
        MergeTargetNotWithTeam = "Sak {case} er {stage}; et duplikat slås sammen med en sak som kundeservice fortsatt behandler.",
        NoPreviewTitle = "Ingen forhåndsvisning",
        NoPreview = "Dette steget sender ingen egen e-post å forhåndsvise.",
        NoAttachmentTitle = "Fant ikke vedlegget",
        NoAttachment = "Saken har ikke noe vedlegg med det navnet.",
        WriteNoteFirst = "Skriv merknaden først.",
        NoteTooLong = "En merknad kan ha opptil {max} tegn.",
        NameTooLong = "Et navn kan ha opptil 100 tegn.",
        SignedOutTitle = "Logget ut",
        SignedOutNothingDone = "Innloggingen din er utløpt, så ingenting ble gjort. Logg inn på nytt.",
        NothingSentTitle = "Ingenting ble sendt",
        FormEmpty = "Skjemaet var tomt.",
        NothingDone = "Ingenting ble gjort.",
        FormNotValidTitle = "Skjemaet er ikke gyldig",
        FormNotValid = "Dette skjemaet ble ikke vist til deg for denne saken, eller det er mer enn 12 timer gammelt. Åpne saken på nytt.",
        NoSuchCaseTitle = "Fant ikke saken",
        NoSuchCase = "Det finnes ingen sak {case}. Kontroller nummeret: K-dddd-dddd-ddd.",
        WithOmbudsmanTitle = "Hos kundeombudsmannen",
        OmbudsmanIndependence = "Denne saken vurderes av den uavhengige kundeombudsmannen. Til kundeombudsmannen har avgjort saken, er det bare kundeombudsmannen som ser den: det er det som holder vurderingen uavhengig av kundeservice og av forhandlerens ledelse. Forsøket ditt på å åpne den står i sakens logg.",
        DoneReviewAttached = "e-posten fra gjennomgangslisten ligger i saken som kundens svar",
        DoneReviewOpened = "e-posten fra gjennomgangslisten åpnet denne saken",
        DoneNote = "merknaden ligger i saken",
        DoneAssign = "saken er tildelt",
        NotSetUpTitle = "Innloggingen til konsollet er ikke satt opp",
        NotSetUp = "Console:Authority og Console:ClientId er ikke satt, så ingen kan logge inn. I Azure angir de Entra ID-leietakeren og konsollets app-registrering (se README).",
        LinkDone = "Utført: {step}. Sakens logg viser det.",
        LinkCustomer = "Kunde:",
        LinkCategory = "Kategori:",
        LinkComplaint = "Klagen:",
        LinkNothingYet = "Ingenting har skjedd ennå: bare knappen gjør noe.",
        LinkStillWorks = "Lenken virker fortsatt.",
        LinkUsedTitle = "Lenken er allerede brukt",
        LinkUsed = "Denne lenken er allerede brukt, {when}. Det er ikke mer å gjøre med den.",
        LinkUsedEarlier = "tidligere",
        LinkNotNowTitle = "Ikke mulig nå",
        LinkNotNow = "Dette steget er ikke mulig lenger: {reason}",
        LinkNotAllowedTitle = "Ikke tillatt",
        LinkNotAllowed = "Denne lenken gir ikke adgang til dette steget: det er ikke din rolle som tar det. Bruk lenken i din egen e-post om saken, eller konsollet.",
        ChooseAnOption = "Velg ett av alternativene.",
        OrLeaveAmountEmpty = "Eller la beløpet stå tomt.",
        SignInUnreachableTitle = "Innloggingen svarer ikke",
        SignInUnreachable = "Innloggingstjenesten svarte ikke. Prøv igjen om et minutt.",
        SignInFailedTitle = "Innloggingen mislyktes",
        SignInUnreadable = "Svaret fra innloggingen kunne ikke leses. Logg inn på nytt.",
        SignInNotStartedHere = "Denne innloggingen ble ikke startet i denne nettleseren, eller den tok for lang tid. Logg inn på nytt.",
        SignInAgain = "Logg inn på nytt.",
        NoRoleTitle = "Ingen rolle i klagekonsollet",
        NoRole = "Du er logget inn som {name}, men har ingen rolle i klagekonsollet. Be den som forvalter konsollets app-registrering om å gi deg en (saksbehandler, teamleder, kundeombudsmann, tvistekontakt eller ledelse).",
        SignedOut = "Du er logget ut av klagekonsollet.",
        ReviewCount = "{count} e-poster venter på en person: hver av dem nevnte ingen sak, eller skal ikke besvares av seg selv.",
        ReviewCountOne = "1 e-post venter på en person: den nevnte ingen sak, eller skal ikke besvares av seg selv.",
        NewestFirst = "Nyeste først",
        ReviewColumns = ["Mottatt", "Fra", "Emne", "Hvorfor den er her", "Status"],
        NoSubject = "(uten emne)",
        InHand = "under behandling: {what}",
        Waiting = "venter",
        AMailToReview = "En e-post til gjennomgang",
        NoSuchMailTitle = "Fant ikke e-posten",
        NoSuchMail = "Gjennomgangslisten har ingen slik e-post.",
        FormNotValidMail = "Dette skjemaet ble ikke vist til deg for denne e-posten, eller det er mer enn 12 timer gammelt. Åpne e-posten på nytt.",
        MailUnreadableOnlyDismiss = "E-posten kunne ikke leses ({why}), så den kan bare avvises; den lagrede kopien blir liggende.",
        WriteAttachNumber = "Skriv nummeret på saken den skal knyttes til: K-dddd-dddd-ddd.",
        CaseWithOmbudsman = "Sak {case} er hos kundeombudsmannen, som alene behandler den nå.",
        CaseClosedReopenFirst = "Sak {case} er avsluttet; åpne den igjen først, eller åpne en ny sak fra e-posten.",
        TakenFirst = "Ikke utført: noen tok denne e-posten først ({what}).",
        ItemRows = ["Fra", "Emne", "Mottatt", "Hvorfor den er her"],
        TheMail = "E-posten",
        MailAttachments = "Vedlegg (tas vare på i saken e-posten går til): {files}",
        MailCouldNotBeRead = "E-posten kunne ikke leses: {why}. Den lagrede kopien blir liggende slik den kom.",
        Handled = "Behandlet: {what}.",
        AttachTitle = "Knytt den til en sak",
        AttachHint = "Den blir kundens svar i den saken, som om den hadde nevnt saken: teamets svarfrist starter på nytt hvis saken ventet på kunden.",
        AttachLabel = "Saken (K-dddd-dddd-ddd)",
        AttachButton = "Knytt den til saken",
        OpenTitle = "Åpne en sak fra den",
        OpenHint = "En ny sak, som om e-posten hadde kommet inn som en klage: avsenderen får en bekreftelse med saksnummeret.",
        OpenButton = "Åpne en sak",
        DismissTitle = "Avvis den",
        DismissHint = "Ingenting sendes, og ingen sak berøres; den lagrede kopien blir liggende.",
        WhyOptional = "Hvorfor (valgfritt)",
        DismissButton = "Avvis den",
        Dismissed = "avvist {subject}",
        AttachedTo = "knyttet til {case} av {who}",
        OpenedAs = "åpnet som sak {case} av {who}",
        OpenedAsACase = "åpnet som sak av {who}",
        DismissedBy = "avvist av {who}",
        NotYourListTitle = "Ikke din liste",
        NotYourList = "E-postene til gjennomgang hører til kundeservice: saksbehandlere og teamledere behandler dem.",
        Roles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ActionRoles.Agent] = "saksbehandler",
            [ActionRoles.TeamLead] = "teamleder",
            [ActionRoles.Ombudsman] = "kundeombudsmann",
            [ActionRoles.DisputeContact] = "tvistekontakt",
            [ActionRoles.Management] = "ledelse",
        },
        Owners = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer-service team"] = "kundeserviceteamet",
            [CaseProcess.ApprovalOwner] = "teamleder (godkjenning)",
            [CaseProcess.StageFailedOwner] = "teamleder (et trinn feilet)",
            ["customer"] = "kunden",
            ["customer (with the manufacturer's support)"] = "kunden (hos produsentens support)",
            ["customer ombudsman"] = "kundeombudsmannen",
            [ExternalBodyProcess.BodyOwner] = "tvistekontakten (eksternt organ)",
            [ExternalBodyProcess.ComplexOwner] = "tvistekontakten (eksternt organ, kompleks sak)",
            [ExternalBodyProcess.RepliedOwner] = "tvistekontakten (eksternt organ, svar sendt)",
            ["dispute contact (follow the recommendation)"] = "tvistekontakten (følg anbefalingen)",
            ["nobody (closed)"] = "ingen (avsluttet)",
        },
        Steps = new Dictionary<string, StepWords>(StringComparer.Ordinal)
        {
            [Workflow.CaseInputKinds.AgentAnswer] = new("Svar kunden", "Svaret ditt sendes til kunden i saken. Saken blir hos kundeservice.", "Send svaret", "Svaret ditt til kunden"),
            [Workflow.CaseInputKinds.AgentAsk] = new("Be kunden om opplysninger", "Spørsmålet ditt sendes til kunden. Svarfristen stanser til kunden svarer.", "Send spørsmålet", "Hva trenger du fra kunden?"),
            [Workflow.CaseInputKinds.AgentFinal] = new("Gi endelig svar", "Det endelige svaret går til kunden med to valg: godta det, eller be den uavhengige kundeombudsmannen se på saken. En refusjon over godkjenningsgrensen går først til teamlederen.", "Gi endelig svar",
                "Det endelige svaret", "Refusjon til kunden, om noen (over grensen må teamlederen godkjenne)",
                FlagLabel: "Utfall: produktet ble reparert under reklamasjonen (en senere reklamasjon på det får ett år til i Sverige, Danmark og Finland)"),
            [Workflow.CaseInputKinds.LeadApprove] = new("Godkjenn det endelige svaret", "Det endelige svaret sendes til kunden slik det er skrevet.", "Godkjenn og send"),
            [Workflow.CaseInputKinds.LeadSendBack] = new("Send det endelige svaret tilbake", "Svaret går ikke til kunden; teamet får begrunnelsen din og gir et nytt.", "Send det tilbake", "Hvorfor det sendes tilbake"),
            [Workflow.CaseInputKinds.CustomerReplied] = new("Før inn en telefonsamtale eller chat med kunden", "Det kunden sa, legges i saken som kundens melding, slik et svar på e-post gjør: ventet saken på kunden, kommer den tilbake til teamet, og teamets svarfrist starter på nytt.", "Før det inn",
                "Hva kunden sa (og hva du sa)"),
            [Workflow.CaseInputKinds.AgentCorrect] = new("Rett kategori, land eller språk", "Triage kjøres på nytt med det du velger, og kontrollene og fristene følger det; senere e-poster til kunden er på språket du velger. En sak som ble sendt til produsentens support på grunn av feil kategori, kommer tilbake til teamet.", "Rett det",
                "Hvorfor (valgfritt; står i loggen, sendes aldri)"),
            [Workflow.CaseInputKinds.AgentMerge] = new("Slå dette duplikatet sammen med kundens andre sak", "Denne saken avsluttes; det kunden skrev i den, går til den andre saken som kundens melding der, og kunden får beskjed om å bruke den andre sakens nummer.", "Slå dem sammen",
                "Hvorfor (valgfritt; står i begge loggene, sendes aldri)"),
            [Workflow.CaseInputKinds.AgentReopen] = new("Åpne saken igjen", "Saken er åpen igjen hos kundeservice: kunden får beskjed, og teamet skal gi svar innen en ny frist.", "Åpne den igjen",
                "Hvorfor den åpnes igjen (står i teamets e-post; kunden ser det ikke)"),
            [Workflow.CaseInputKinds.OmbudsmanDecide] = new("Avgjør saken som kundeombudsmann", "Avgjørelsen din går til kunden med begrunnelsen og de eksterne organene som passer saken. Kundeservice kan ikke handle i dette trinnet.", "Registrer avgjørelsen",
                "Begrunnelsen din (kunden leser den)", "Beløpet det er uenighet om, hvis kjent (avgjør hvilke organer som tar saken)", "En merknad om forhandlerens rutiner (valgfritt; tas vare på til kundeombudsmannens rapport)",
                "Henvis saken til organet som passer, uten å vente på kunden",
                new Dictionary<string, string> { ["upheld"] = "Opprettholde kundeservice sitt endelige svar", ["overturned"] = "Omgjøre det i kundens favør", ["partly-settled"] = "Delvis medhold" }),
            [Workflow.CaseInputKinds.DisputeOutcome] = new("Registrer utfallet hos det eksterne organet", "Kunden får vite utfallet. Med mindre organet ga forhandleren medhold, åpnes et steg med frist for å følge anbefalingen.", "Registrer utfallet",
                "Organets avgjørelse eller anbefaling, slik kunden skal lese den",
                Choices: new Dictionary<string, string> { ["customer"] = "I kundens favør", ["partly"] = "Delvis i kundens favør", ["retailer"] = "I forhandlerens favør (ingenting å følge)" }),
            [Workflow.CaseInputKinds.DisputeComply] = new("Bekreft at anbefalingen er fulgt", "Saken avsluttes, og kunden får beskjed.", "Bekreft og avslutt"),
            [Workflow.CaseInputKinds.StageRetry] = new("Kjør det stansede trinnet på nytt", "Trinnet starter på nytt fra begynnelsen; de som er med i det, får e-postene sine igjen.", "Kjør det på nytt"),
            [Workflow.CaseInputKinds.DisputeReplied] = new("Registrer at forhandleren har svart organet", "Svarfristen stanser: ingen påminnelse og ingen e-post til ledelsen om den. Saken blir hos organet til utfallet kommer.", "Registrer svaret",
                "Hva som ble svart, eller hvor det ligger (valgfritt; står i loggen og i saksdokumentene)"),
            [Workflow.CaseInputKinds.DisputeComplex] = new("Merk organets sak som kompleks", "Organet behandler saken som kompleks: forhandlerens svar skal sendes innen fristen for komplekse saker, regnet i arbeidsdager fra innsendingen (30, ikke 20), og påminnelsen flyttes med den. Den nye fristen står i loggen.", "Merk den som kompleks",
                "Hva organet sa om det, eller referansen (valgfritt; står i loggen og i saksdokumentene)"),
            [Workflow.CaseInputKinds.DisputeNotComply] = new("Anbefalingen blir ikke fulgt", "Begrunnelsen din går til ledelsen, som avgjør. Saken blir stående åpen.", "Send til ledelsen", "Hvorfor den ikke blir fulgt"),
        },
    };
}
