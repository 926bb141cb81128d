using ComplaintFunctions.Inbound;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Storage;

/// <summary>The mails kept for a person: taken in hand once, and what a person did with one is never undone by the same mail coming again.</summary>
[Collection(AzuriteCollection.Name)]
public class ReviewListTests(AzuriteFixture azurite)
{
    readonly InboxReviewList list = new(new AppTables(azurite.Account));

    static ReviewItem Item() => new(Guid.NewGuid().ToString("N"), "kunde@example.no", "Out of office", "sent automatically", "raw/x", DateTimeOffset.UtcNow);

    [Fact]
    public async Task Two_people_taking_one_mail_in_hand_for_different_things_leave_it_with_the_first()
    {
        var item = Item();
        await list.AddAsync(item, CancellationToken.None);

        var first = await list.ClaimAsync(item.IdentityHash, ReviewActions.Attach, "K-4821-7730-524", "agent:Ola Hansen", null, DateTimeOffset.UtcNow, CancellationToken.None);
        var second = await list.ClaimAsync(item.IdentityHash, ReviewActions.OpenCase, null, "agent:Siri Berg", null, DateTimeOffset.UtcNow, CancellationToken.None);
        var again = await list.ClaimAsync(item.IdentityHash, ReviewActions.Attach, "K-4821-7730-524", "agent:Ola Hansen", null, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(ReviewClaim.Carry, first.Claim);
        Assert.Equal(ReviewClaim.TakenOther, second.Claim);
        Assert.Equal("agent:Ola Hansen", second.Item!.Handling!.By);
        Assert.Equal(ReviewClaim.Carry, again.Claim);
        Assert.Equal(ReviewClaim.Missing, (await list.ClaimAsync("no-such-mail", ReviewActions.Dismiss, null, "x", null, DateTimeOffset.UtcNow, CancellationToken.None)).Claim);
    }

    [Fact]
    public async Task The_same_mail_kept_again_by_a_retried_queue_item_leaves_what_a_person_did_with_it()
    {
        var item = Item();
        await list.AddAsync(item, CancellationToken.None);
        await list.ClaimAsync(item.IdentityHash, ReviewActions.Dismiss, null, "agent:Ola Hansen", "An auto-reply.", DateTimeOffset.UtcNow, CancellationToken.None);
        await list.MarkDoneAsync(item.IdentityHash, null, CancellationToken.None);

        await list.AddAsync(item, CancellationToken.None);

        var kept = await list.FindAsync(item.IdentityHash, CancellationToken.None);
        Assert.True(kept!.Handling!.Done);
        Assert.Equal("An auto-reply.", kept.Handling.Note);
        Assert.Equal(ReviewClaim.TakenOther, (await list.ClaimAsync(item.IdentityHash, ReviewActions.OpenCase, null, "agent:Siri Berg", null, DateTimeOffset.UtcNow, CancellationToken.None)).Claim);
    }
}
