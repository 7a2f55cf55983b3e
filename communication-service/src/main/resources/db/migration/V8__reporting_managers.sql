-- Whom each staff member reports to, as identity-service's StaffProfileUpdated tells it: that
-- manager may see and decide the member's leaves. A profile may arrive before the user's
-- UserRegistered; the directory then keeps an inactive row with an empty name and role that
-- UserRegistered fills in, keeping the manager.
ALTER TABLE recipient ADD COLUMN reporting_manager_id uuid;
CREATE INDEX recipient_reporting_manager_idx ON recipient (reporting_manager_id)
    WHERE reporting_manager_id IS NOT NULL;
