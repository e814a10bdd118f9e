namespace ServiceBooking.Domain.Pickups;

/// <summary>Where a pick-up request is (PRODUCT.md section H): the manager's, then the client's, then the driver's, then payment.</summary>
public enum PickupStatus
{
    /// <summary>Sent by the client; the manager has not answered.</summary>
    UnderReview,

    /// <summary>The manager proposed a time; the client agrees or declines.</summary>
    AwaitingClient,

    /// <summary>The client agreed: a driver of the district has it, or it waits in the district's queue for one.</summary>
    InProgress,

    /// <summary>The driver collected the car; the invoice went out.</summary>
    AwaitingPayment,

    Done,

    /// <summary>The client declined the proposed time.</summary>
    Declined,
}
