wrk.method = "POST"
wrk.body = "Attributes=%7B%22call_sid%22%3A%22CA1%22%2C%22from%22%3A%22%2B15550100%22%7D&TaskChannel=voice"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjp0b2tlbg=="
-- Each connection waits DELAY ms between its requests: with C connections the rate is
-- about C / (DELAY + latency) a second; wrk times each request alone, without the wait.
local wait = tonumber(os.getenv("DELAY_MS") or "2")
function delay() return wait end
