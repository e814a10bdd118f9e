using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// The stages of an order (PRODUCT.md section G): the mechanic submits, the supervisor approves or returns with a
/// comment, the supervisor sets the shop's priority, a shop mechanic claims an order in the shop and files the sum for
/// the work. Each action is only for the people it belongs to — anyone else is told there is no such order (a 404) —
/// and the Domain's <see cref="WorkOrder"/> decides whether it may happen now. Two actions on one order at once (two
/// tabs, two shop mechanics claiming) meet the row's version and the one-pending-stage index: one wins, the other is
/// told.
/// </summary>
public sealed class OrderStages(
    ApplicationDbContext db, TimeProvider time, WorkshopClock clock, OrderPhotos photos, OrderEmails emails, OutboxWriter outbox)
{
    /// <summary>The field a Domain refusal is about, when it is not the value being converted.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Agreement.NoOptions"] = "Options",
        ["Agreement.AgreedOrRefused"] = "AgreedSum",
        ["Agreement.Reason"] = "RefusalReason",
        ["InShop.DueDatePast"] = "DueDate",
        ["InShop.Problem"] = "Problem",
        ["InShop.Photo"] = "Photo",
        ["Expenses.NoLines"] = "Lines",
        ["FinalReport.NetAboveTotal"] = "Net",
        ["FinalReport.NetMismatch"] = "Net",
        ["FinalReport.Contract"] = "Contract",
    };

    /// <summary>The field of a rule's code: <c>InShop.ProblemRequired</c> and <c>InShop.ProblemTooLong</c> are both the problem's.</summary>
    private static string FieldOf(string code) =>
        Fields.GetValueOrDefault(code) ?? Fields.GetValueOrDefault(code.Replace("Required", string.Empty, StringComparison.Ordinal)
            .Replace("TooLong", string.Empty, StringComparison.Ordinal)) ?? string.Empty;

    public Task<StageOutcome> SubmitAgreementAsync(int orderId, AgreementForm form, WorkshopActor actor, CancellationToken cancellationToken) =>
        SubmitAsync(orderId, actor, StageKind.Agreement, (order, now, _) =>
        {
            var offered = form.Options.Select((option, i) => (option, i)).Where(o => !o.option.IsBlank).ToList();
            var options = offered.Select(o => At($"Options[{o.i}].Description", () => WorkOption.Create(o.option.Description,
                Required($"Options[{o.i}].Price", o.option.Price)))).ToList();
            var agreed = form.Refused ? (Money?)null : Required("AgreedSum", form.AgreedSum);
            var refusal = form.Refused ? Required("RefusalSum", form.RefusalSum) : (Money?)null;
            order.SubmitAgreement(actor.Id, options, agreed, refusal, form.RefusalReason, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<StageOutcome> SubmitPrepaymentAsync(int orderId, PrepaymentForm form, WorkshopActor actor, CancellationToken cancellationToken) =>
        SubmitAsync(orderId, actor, StageKind.Prepayment, (order, now, _) =>
        {
            order.SubmitPrepayment(actor.Id, Required("Amount", form.Amount), now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<StageOutcome> SubmitInShopAsync(int orderId, InShopForm form, WorkshopActor actor, CancellationToken cancellationToken) =>
        SubmitAsync(orderId, actor, StageKind.InShop, async (order, now, stored) =>
        {
            var due = form.DueDate ?? throw new FieldRefusal("DueDate", new DomainException("InShop.DueDateRequired"));
            // The text is checked before the photo is stored, so a refusal of the text leaves no file behind.
            StageSubmission.CheckInShop(due, form.Problem, clock.Today);
            var photo = await PhotoAsync("Photo", form.Photo, stored, cancellationToken);
            order.SubmitInShop(actor.Id, photo, due, form.Problem, clock.Today, now);
        }, cancellationToken);

    public Task<StageOutcome> SubmitExpensesAsync(int orderId, ExpensesForm form, WorkshopActor actor, CancellationToken cancellationToken) =>
        SubmitAsync(orderId, actor, StageKind.Expenses, async (order, now, stored) =>
        {
            var typed = form.Lines.Select((line, i) => (line, i)).Where(l => !l.line.IsBlank).ToList();
            if (typed.Count > OrderPhotos.MaxPerForm)
            {
                throw new FieldRefusal("Lines", new DomainException("Expenses.TooMany", OrderPhotos.MaxPerForm));
            }

            foreach (var (line, i) in typed)
            {
                _ = line.Kind is { } kind && Enum.IsDefined(kind) ? kind : throw new FieldRefusal($"Lines[{i}].Kind", new DomainException("Expense.Kind"));
                _ = At($"Lines[{i}].Description", () => Text.Required(line.Description, ExpenseLine.MaxDescriptionLength, "Expense.Description"));
                if (Required($"Lines[{i}].Sum", line.Sum) == Money.Zero)
                {
                    throw new FieldRefusal($"Lines[{i}].Sum", new DomainException("Expense.Zero"));
                }

                if (line.Receipt is null)
                {
                    throw new FieldRefusal($"Lines[{i}].Receipt", new DomainException("Expense.ReceiptRequired"));
                }
            }

            var lines = new List<ExpenseLine>();
            foreach (var (line, i) in typed)
            {
                var receipt = await PhotoAsync($"Lines[{i}].Receipt", line.Receipt, stored, cancellationToken);
                lines.Add(ExpenseLine.Create(line.Kind!.Value, line.Description, Money.FromRoubles(line.Sum!.Value), receipt));
            }

            order.SubmitExpenses(actor.Id, lines, now);
        }, cancellationToken);

    public Task<StageOutcome> SubmitFinalReportAsync(int orderId, FinalReportForm form, WorkshopActor actor, CancellationToken cancellationToken) =>
        SubmitAsync(orderId, actor, StageKind.FinalReport, async (order, now, stored) =>
        {
            var total = Required("Total", form.Total);
            var net = Required("Net", form.Net);
            // The sums are checked before the contract's photo is stored (the Domain checks them again).
            StageSubmission.CheckFinalReport(total, net, order.ExpectedNet(total));
            var contract = await PhotoAsync("Contract", form.Contract, stored, cancellationToken);
            order.SubmitFinalReport(actor.Id, total, net, contract, now);
        }, cancellationToken);

    /// <summary>
    /// The supervisor approves the stage that waits; an approved refusal or final report closes the order. An approved
    /// final report tells the client the car is ready, in the same transaction.
    /// </summary>
    public Task<StageOutcome> ApproveAsync(int orderId, WorkshopActor actor, CancellationToken cancellationToken) =>
        ActAsync(orderId, actor.Supervises, async order =>
        {
            order.Approve(actor.Id, time.GetUtcNow());
            if (order.Status == WorkOrderStatus.Done && await emails.CarReadyAsync(order, cancellationToken) is { } ready)
            {
                outbox.Add(ready);
            }
        }, cancellationToken, taken: "WorkOrder.ChangedMeanwhile");

    /// <summary>The supervisor sends the stage that waits back to the mechanic with a comment.</summary>
    public Task<StageOutcome> ReturnAsync(int orderId, string? comment, WorkshopActor actor, CancellationToken cancellationToken) =>
        ActAsync(orderId, actor.Supervises, order => At("Comment", () => order.Return(actor.Id, comment, time.GetUtcNow())), cancellationToken);

    /// <summary>The supervisor sets where the order stands in the shop's queue.</summary>
    public Task<StageOutcome> SetPriorityAsync(int orderId, int? priority, WorkshopActor actor, CancellationToken cancellationToken) =>
        ActAsync(orderId, actor.Supervises, order =>
        {
            if (order.IsClosed)
            {
                throw new DomainException("WorkOrder.Closed");
            }

            At("Priority", () => order.SetShopPriority(priority ?? 0));
        }, cancellationToken);

    /// <summary>A shop mechanic takes an order that waits in the shop; two at once: one gets it.</summary>
    public Task<StageOutcome> ClaimAsync(int orderId, WorkshopActor actor, CancellationToken cancellationToken) =>
        ActAsync(orderId, actor.IsShopMechanic, order => order.ClaimInShop(actor.Id, time.GetUtcNow()), cancellationToken, taken: "InShop.AlreadyClaimed");

    /// <summary>The shop mechanic who claimed the order files the sum for the work; the order goes back to its mechanic.</summary>
    public Task<StageOutcome> FileShopWorkAsync(int orderId, decimal? sum, WorkshopActor actor, CancellationToken cancellationToken) =>
        ActAsync(orderId, actor.IsShopMechanic, order =>
        {
            if (order.ShopMechanicId != actor.Id)
            {
                throw new NotForThisActor();
            }

            order.FileShopWork(actor.Id, Required("Sum", sum), time.GetUtcNow());
        }, cancellationToken);

    /// <summary>
    /// A photo of an order, for its staff only: supervisors and the Admin, the order's mechanic and shop mechanic, and
    /// any shop mechanic for the in-shop photo of an order waiting in the queue. Null (a 404) for anyone else, and for a
    /// name that is not one of this order's photos.
    /// </summary>
    public async Task<string?> PhotoPathAsync(int orderId, string name, WorkshopActor actor, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.AsNoTracking().Include(o => o.Submissions).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var inShopPhotos = order.Submissions.Where(s => s.Kind == StageKind.InShop).Select(s => s.Photo);
        var all = order.Submissions.SelectMany(s => s.Expenses.Select(e => e.Receipt).Append(s.Photo).Append(s.ContractPhoto)).OfType<string>();
        var mayAll = actor.Supervises || (actor.IsMechanic && order.MechanicId == actor.Id) || (actor.IsShopMechanic && order.ShopMechanicId == actor.Id);
        var mayShop = actor.IsShopMechanic && order.IsInShop && order.ShopMechanicId is null;
        var allowed = mayAll ? all.Contains(name) : mayShop && inShopPhotos.Contains(name);
        return allowed ? photos.PathOf(name) : null;
    }

    private async Task<StageOutcome> SubmitAsync(
        int orderId, WorkshopActor actor, StageKind kind, Func<WorkOrder, DateTimeOffset, List<string>, Task> submit, CancellationToken cancellationToken)
    {
        var stored = new List<string>();
        var outcome = await ActAsync(orderId, actor.IsMechanic, async order =>
        {
            if (order.MechanicId != actor.Id)
            {
                throw new NotForThisActor();
            }

            order.CheckSubmittable(actor.Id, kind);
            await submit(order, time.GetUtcNow(), stored);
        }, cancellationToken, taken: "Stage.WaitingForApproval");
        if (outcome is not StageOutcome.Done)
        {
            // Nothing was submitted: the photos stored for it go too.
            stored.ForEach(photos.Delete);
        }

        return outcome;
    }

    private Task<StageOutcome> ActAsync(int orderId, bool mayAct, Action<WorkOrder> act, CancellationToken cancellationToken, string taken = "WorkOrder.ChangedMeanwhile") =>
        ActAsync(orderId, mayAct, order =>
        {
            act(order);
            return Task.CompletedTask;
        }, cancellationToken, taken);

    /// <summary>
    /// Loads the order, lets the action change it and saves. Someone the action is not for is told there is no such
    /// order; a Domain refusal names its field; a save that lost a race (the row changed since it was read, or another
    /// stage went in first) is refused with <paramref name="taken"/>.
    /// </summary>
    private async Task<StageOutcome> ActAsync(int orderId, bool mayAct, Func<WorkOrder, Task> act, CancellationToken cancellationToken, string taken)
    {
        var order = mayAct
            ? await db.WorkOrders.Include(o => o.Submissions.OrderBy(s => s.Id)).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            : null;
        if (order is null)
        {
            return new StageOutcome.NotFound();
        }

        try
        {
            await act(order);
            await db.SaveChangesAsync(cancellationToken);
            return new StageOutcome.Done(order);
        }
        catch (NotForThisActor)
        {
            db.ChangeTracker.Clear();
            return new StageOutcome.NotFound();
        }
        catch (FieldRefusal refusal)
        {
            db.ChangeTracker.Clear();
            return new StageOutcome.Refused(refusal.Field, refusal.Error);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return new StageOutcome.Refused(FieldOf(refusal.Code), refusal);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || UniqueViolation.Constraint(error) is not null)
        {
            db.ChangeTracker.Clear();
            return new StageOutcome.Refused(string.Empty, new DomainException(taken));
        }
    }

    private async Task<string> PhotoAsync(string field, IFormFile? upload, List<string> stored, CancellationToken cancellationToken)
    {
        var name = await At(field, () => photos.SaveAsync(upload, cancellationToken));
        stored.Add(name);
        return name;
    }

    private static Money Required(string field, decimal? amount) =>
        amount is { } value ? At(field, () => Money.FromRoubles(value)) : throw new FieldRefusal(field, new DomainException("Stage.SumRequired"));

    private static T At<T>(string field, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (DomainException error)
        {
            throw new FieldRefusal(field, error);
        }
    }

    private static void At(string field, Action act) => At(field, () =>
    {
        act();
        return true;
    });

    private static async Task<T> At<T>(string field, Func<Task<T>> make)
    {
        try
        {
            return await make();
        }
        catch (DomainException error)
        {
            throw new FieldRefusal(field, error);
        }
    }

    /// <summary>A Domain refusal of one field of the form.</summary>
    private sealed class FieldRefusal(string field, DomainException error) : Exception(error.Code)
    {
        public string Field { get; } = field;

        public DomainException Error { get; } = error;
    }

    /// <summary>The action is not this reader's to take on this order: a 404, as if there were none.</summary>
    private sealed class NotForThisActor : Exception;
}
