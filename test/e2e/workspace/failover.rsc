# Failover for two PPPoE uplinks, inserted with the pppoe-failover snippet.
