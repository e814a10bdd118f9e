using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Components;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// The emails about a pick-up to its client, in the client's language, as outbox entries the caller queues in the
/// transaction of the change: the proposal (time and price, with the signed agree and decline links; one per proposal)
/// and the invoice (its PDF attached; one per request, so a client is invoiced once). Only to a confirmed address
/// (otherwise null). Links come from the configured public URL.
/// </summary>
public sealed class PickupEmails(
    EmailRenderer renderer, SiteLinks links, AnswerTokens tokens, PickupInvoices invoices, IStringLocalizer<SharedResource> text)
{
    public const string AnswerPage = "/Pickup/Answer";

    public async Task<OutboxEntry?> ProposalAsync(PickupRequest request, CancellationToken cancellationToken)
    {
        if (request.ConfirmedAt is not { } confirmed || await RecipientAsync(request, cancellationToken) is not var (recipient, parties))
        {
            return null;
        }

        var token = tokens.For(request.Id, confirmed);
        var message = await RenderAsync<PickupProposalEmail>(request, recipient, parties, "Email.PickupProposal.Subject", new()
        {
            [nameof(PickupProposalEmail.AgreeLink)] = links.To(AnswerPage, new Dictionary<string, string?> { ["token"] = token, ["answer"] = "agree" }),
            [nameof(PickupProposalEmail.DeclineLink)] = links.To(AnswerPage, new Dictionary<string, string?> { ["token"] = token, ["answer"] = "decline" }),
        });
        return new OutboxEntry(message, NoticeKind.PickupProposal, $"{NoticeKind.PickupProposal}:{request.Id}:{AnswerTokens.Stamp(confirmed)}", request.ClientId);
    }

    public async Task<OutboxEntry?> InvoiceAsync(PickupRequest request, CancellationToken cancellationToken)
    {
        if (request.InvoiceNumber is not { } number || await RecipientAsync(request, cancellationToken) is not var (recipient, parties)
            || invoices.Render(request, parties, recipient.Culture) is not { } pdf)
        {
            return null;
        }

        var message = await RenderAsync<PickupInvoiceEmail>(request, recipient, parties, "Email.PickupInvoice.Subject", new()
        {
            [nameof(PickupInvoiceEmail.Number)] = PickupInvoices.Number(number),
            [nameof(PickupInvoiceEmail.Link)] = links.To("/Pickup"),
        });
        message = message with { Attachments = [new EmailAttachment(PickupInvoices.FileName(number), PickupInvoices.ContentType, pdf)] };
        return new OutboxEntry(message, NoticeKind.PickupInvoice, $"{NoticeKind.PickupInvoice}:{request.Id}", request.ClientId);
    }

    private async Task<(EmailRecipient Recipient, PickupParties Parties)?> RecipientAsync(PickupRequest request, CancellationToken cancellationToken) =>
        await invoices.PartiesAsync(request, cancellationToken) is { Client: { EmailConfirmed: true, Email: { Length: > 0 } email } client } parties
            ? (new EmailRecipient(email, client.Name.FullName, Cultures.Get(client.PreferredCulture)), parties)
            : null;

    private async Task<EmailMessage> RenderAsync<TEmail>(
        PickupRequest request, EmailRecipient recipient, PickupParties parties, string subjectKey, Dictionary<string, object?> parameters)
        where TEmail : IComponent
    {
        using (new CultureScope(recipient.Culture))
        {
            var at = request.ProposedFor ?? default;
            parameters["Pickup"] = new PickupEmail(
                parties.Client.Name.Salutation, parties.Car, request.Address,
                text["Email.When", DateOnly.FromDateTime(at).Day(), TimeOnly.FromDateTime(at).Time()], request.Price?.Roubles() ?? string.Empty);
        }

        return await renderer.RenderAsync<TEmail>(recipient, subjectKey, parameters);
    }
}
