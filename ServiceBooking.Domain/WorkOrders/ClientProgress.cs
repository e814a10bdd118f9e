namespace ServiceBooking.Domain.WorkOrders;

/// <summary>The step of an open order as its client is told it, in plain words (none before a mechanic has it, nor once closed).</summary>
public enum ClientStep
{
    /// <summary>Nothing to say beyond the status: waiting for a mechanic, done or refused.</summary>
    None,

    /// <summary>The work and its price are being agreed with the client.</summary>
    Agreement,

    Prepayment,

    /// <summary>The mechanic is repairing the car (the stages after the prepayment may come in any order).</summary>
    Repair,

    /// <summary>The car is in the shop (стационар).</summary>
    InShop,

    /// <summary>The parts and other expenses were filed and wait for review.</summary>
    Expenses,

    /// <summary>The final report was filed and waits for review.</summary>
    FinalReport,
}

/// <summary>
/// Where an order stands for its client: the step, and whether what was filed for it waits for the supervisor's review.
/// Says nothing of sums, people or comments; the client's page shows only this and the status.
/// </summary>
public readonly record struct ClientProgress(ClientStep Step, bool AwaitingReview)
{
    /// <summary>
    /// A stage waiting for review is the step; otherwise the agreement, then the prepayment, then the repair (or the
    /// shop, while the car is there).
    /// </summary>
    public static ClientProgress Of(WorkOrder order)
    {
        if (order.IsClosed)
        {
            return new ClientProgress(ClientStep.None, false);
        }

        if (order.Pending is { } pending)
        {
            return new ClientProgress(StepOf(pending.Kind), true);
        }

        if (order.MechanicId is null)
        {
            return new ClientProgress(ClientStep.None, false);
        }

        var step = order.Approved(StageKind.Agreement) is null ? ClientStep.Agreement
            : order.Approved(StageKind.Prepayment) is null ? ClientStep.Prepayment
            : order.IsInShop ? ClientStep.InShop
            : ClientStep.Repair;
        return new ClientProgress(step, false);
    }

    private static ClientStep StepOf(StageKind kind) => kind switch
    {
        StageKind.Agreement => ClientStep.Agreement,
        StageKind.Prepayment => ClientStep.Prepayment,
        StageKind.InShop => ClientStep.InShop,
        StageKind.Expenses => ClientStep.Expenses,
        _ => ClientStep.FinalReport,
    };
}
