using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Texts;
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

    /// <summary>The console's words in <paramref name="language"/>, from <c>Resources/StaffConsole/ConsoleTexts.resx</c> (English) and <c>.nb.resx</c>.</summary>
    public static ConsoleTexts For(string? language) => TextRecords.Load<ConsoleTexts>(TextRecords.StaffLanguage(language));

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

    /// <summary>The staff steps in this language. English holds the catalogue's own words (written into its file from the catalogue, and a test keeps them equal), so both files have the same keys.</summary>
    public IReadOnlyDictionary<string, StepWords> Steps { get; init; } = new Dictionary<string, StepWords>();

    public required IReadOnlyDictionary<string, string> Roles { get; init; }

    /// <summary>Who holds a case, as the process names it (English on the list), in this language; English names each as the process does.</summary>
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
}
