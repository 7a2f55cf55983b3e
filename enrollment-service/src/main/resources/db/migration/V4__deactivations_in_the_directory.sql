-- Deactivated accounts are known to the directory now (known_user.active), which also hears of a
-- reactivation. Accounts remembered only as deactivated join it as such; the old list goes.
INSERT INTO known_user (user_id, role, profile_type, branch_id, active, updated_at)
SELECT user_id, 'UNKNOWN', 'STAFF', NULL, false, deactivated_at FROM deactivated_user
ON CONFLICT (user_id) DO UPDATE SET active = false;
DROP TABLE deactivated_user;
