namespace ServiceBooking.Domain.WorkOrders;

/// <summary>Where an order is (PRODUCT.md section G), shown colour-coded with its name.</summary>
public enum WorkOrderStatus
{
    /// <summary>Created, waiting for a supervisor to give it to a mechanic.</summary>
    NotAssigned,

    /// <summary>A mechanic has it and has not submitted anything yet.</summary>
    Assigned,

    /// <summary>The mechanic works on it: at least one stage submitted.</summary>
    InProgress,

    /// <summary>The final report was approved.</summary>
    Done,

    /// <summary>The client refused the work (the agreement stage said so and it was approved).</summary>
    Refused,
}

/// <summary>The stages of an order, in their order; in-shop repair and expenses may be skipped.</summary>
public enum StageKind
{
    Agreement,
    Prepayment,
    InShop,
    Expenses,
    FinalReport,
}

/// <summary>A stage as the mechanic submitted it, and what the supervisor made of it.</summary>
public enum SubmissionState
{
    /// <summary>Waiting for the supervisor.</summary>
    Submitted,

    Approved,

    /// <summary>Sent back with a comment; the mechanic submits it again.</summary>
    Returned,
}

/// <summary>What an expense was for.</summary>
public enum ExpenseKind
{
    Parts,
    Transport,
    Other,
}
