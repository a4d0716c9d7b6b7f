// The operator console's page: sign in, then buttons over the API.
let token = sessionStorage.getItem("atrium.operator") || "";
const out = document.getElementById("out");
async function call(method, path, body, key) {
  const res = await fetch(path, {
    method,
    headers: {"Content-Type": "application/json",
              ...(token ? {Authorization: "Bearer " + token} : {}),
              ...(key ? {"Idempotency-Key": key} : {})},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  out.textContent = res.status + "\n" + JSON.stringify(json, null, 2);
  return {status: res.status, json};
}
document.getElementById("signin").onclick = async () => {
  const r = await call("POST", "/api/v1/operator/session", {
    name: document.getElementById("name").value,
    password: document.getElementById("password").value,
  });
  if (r.status === 200) {
    token = r.json.token;
    sessionStorage.setItem("atrium.operator", token);
    document.getElementById("who").textContent = r.json.role;
  }
};
document.querySelectorAll("[data-get]").forEach(b => b.onclick = () => call("GET", b.dataset.get));
const rules = document.getElementById("rules");
document.getElementById("load-rules").onclick = async () => {
  const r = await call("GET", "/api/v1/operator/program");
  if (r.status !== 200) return;
  const {group, ...editable} = r.json;  // malls and stores are not edited here
  rules.value = JSON.stringify(editable, null, 2);
};
document.getElementById("save-rules").onclick = async () => {
  let body;
  try { body = JSON.parse(rules.value); } catch (e) { out.textContent = "JSON: " + e.message; return; }
  // Each save is a new change, so a new key.
  await call("PUT", "/api/v1/operator/program", body, crypto.randomUUID());
};
document.getElementById("search").onclick = () =>
  call("GET", "/api/v1/operator/members?phone_suffix=" + encodeURIComponent(document.getElementById("suffix").value));
