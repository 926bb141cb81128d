using ComplaintFunctions.Http;

namespace ComplaintFunctions.StaffConsole;

// What the console's templates (Templates/console/*.liquid) read: texts already in the staff language, times already local.

/// <summary>An option of a select or a radio group.</summary>
sealed record Choice(string Value, string Label, bool Chosen) : IPageModel;

/// <summary>A label and what stands by it (a table row, or a field with what was typed in it).</summary>
sealed record LabelledValue(string Label, string? Value) : IPageModel;

/// <param name="NextUrl">The next page of the list, or null on the last.</param>
sealed record WorklistModel(
    string SearchLabel,
    string Search,
    string StageLabel,
    string AllOpen,
    IReadOnlyList<Choice> Stages,
    bool OnlyOverdue,
    string OverdueOnly,
    bool OnlyMine,
    string MineOnly,
    string Show,
    string Count,
    string TimesIn,
    string Caption,
    IReadOnlyList<string> Columns,
    IReadOnlyList<WorklistRow> Rows,
    string OverdueWord,
    string MailFailed,
    string MailOk,
    string? NextUrl,
    string NextPage) : IPageModel;

sealed record WorklistRow(string CaseNumber, string CaseUrl, string Due, bool Overdue, string Stage, string Customer, string Country, string Category, string Owner, bool MailFailed) : IPageModel;

/// <param name="Done">What the last post did, or null; <paramref name="Problem"/> likewise what stopped it.</param>
/// <param name="MailFailed">The line saying a mail to the customer failed, or null.</param>
/// <param name="NoSteps">The line saying this person has no step to take here, or null when there are steps.</param>
sealed record CasePageModel(
    string? Done,
    string? Problem,
    string CaseNumber,
    string StageLabel,
    string Stage,
    string WithLabel,
    string Owner,
    string AssignedLabel,
    string Assigned,
    string DueLabel,
    string Due,
    bool Overdue,
    string OverdueWord,
    string? MailFailed,
    string? ErasedBanner,
    TimelineModel Timeline,
    string CustomerHeading,
    IReadOnlyList<LabelledValue> CustomerRows,
    string ChecksHeading,
    string StaffLanguage,
    string? Checks,
    string AttachmentsHeading,
    IReadOnlyList<AttachmentItem> Attachments,
    string ConversationHeading,
    IReadOnlyList<ThreadItem> Thread,
    string WhatYouCanDo,
    string? NoSteps,
    IReadOnlyList<StepFormModel> Steps,
    string DecisionLegend,
    string PreviewButton,
    NoteFormModel? Note,
    AssignFormModel? Assign,
    PrivacyFormsModel? Privacy,
    string WholeTrail,
    IReadOnlyList<string> TrailColumns,
    IReadOnlyList<TrailLine> Trail) : IPageModel;

sealed record TimelineModel(string Title, IReadOnlyList<TimelineBox> Boxes) : IPageModel;

sealed record TimelineBox(int X, int TextX, string Fill, string TextFill, string Label) : IPageModel;

/// <param name="Url">Through the app, with the viewer's rights: never a storage path.</param>
sealed record AttachmentItem(string Url, string File, string ContentType, string Size) : IPageModel;

/// <param name="Css">theirs (the customer's or the manufacturer's words), ours, or note.</param>
sealed record ThreadItem(string Css, string Meta, string Text) : IPageModel;

sealed record TrailLine(string When, string Who, string Kind, string Summary) : IPageModel;

/// <param name="Open">Shown unfolded: the page came back to this form after a post.</param>
/// <param name="Final">The final answer a lead approves or sends back, or null.</param>
/// <param name="PreviewAction">Where the mail's preview is asked for, when the step sends one; else null.</param>
sealed record StepFormModel(
    string Id,
    bool Open,
    string Title,
    string Explanation,
    LabelledValue? Final,
    ShownPreview? Preview,
    string Action,
    string Token,
    CannedChoice? Canned,
    IReadOnlyList<SelectField> Selects,
    LabelledValue? Into,
    LabelledValue? Text,
    bool TextRequired,
    IReadOnlyList<Choice> Choices,
    LabelledValue? Amount,
    LabelledValue? Note,
    string? FlagLabel,
    string? PreviewAction,
    string Button) : IPageModel;

sealed record ShownPreview(string Label, string Meta, string Language, string Subject, string Body) : IPageModel;

/// <param name="Action">The case page, which a GET with the chosen answer fills the text from.</param>
sealed record CannedChoice(string Label, IReadOnlyList<Choice> Options, string Action, string Button) : IPageModel;

sealed record SelectField(string Name, string Label, IReadOnlyList<Choice> Options) : IPageModel;

sealed record NoteFormModel(bool Open, string Summary, string Hint, string Action, string Token, string Label, string? Value, string Button) : IPageModel;

sealed record AssignFormModel(string Summary, string Action, string Token, string Label, string Button) : IPageModel;

sealed record HoldFormModel(string Button, string Hint, string Action, string Token, string Value, string ReasonLabel) : IPageModel;

sealed record EraseFormModel(string Summary, string Hint, string Action, string Token, string ReasonLabel, string Button) : IPageModel;

/// <param name="Erase">Null once the case is erased.</param>
sealed record PrivacyFormsModel(string Heading, string HoldState, HoldFormModel Hold, EraseFormModel? Erase) : IPageModel;
