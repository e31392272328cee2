// The web chat: send text, press buttons, pay invoices with a local test payment; render the core's replies.
"use strict";
const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("text");

// Replies carry a small HTML subset (<b>, <i>, <code>, <a href>); anything else is shown as text.
function safeHtml(text) {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .replace(/&lt;(\/?)(b|i|u|s|code)&gt;/g, "<$1$2>")
    .replace(/&lt;a href="(https?:\/\/[^"<>]+)"&gt;(.*?)&lt;\/a&gt;/g, '<a href="$1" target="_blank" rel="noopener">$2</a>');
}

function photoUrl(photo) {
  return /^https?:\/\//.test(photo) ? photo : "/media/" + photo.replace(/^\/+/, "");
}

function money(minor, currency) {
  if (currency === "XTR") return minor + " ⭐";
  const exp = ["JPY", "KRW", "VND"].includes(currency) ? 0 : 2;
  return (minor / 10 ** exp).toFixed(exp) + " " + currency;
}

function bubble(cls) {
  const div = document.createElement("div");
  div.className = "msg " + cls;
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function render(reply) {
  const div = bubble("bot");
  if (reply.photo) {
    const img = document.createElement("img");
    img.src = photoUrl(reply.photo);
    img.alt = "product photo";
    img.loading = "lazy";
    div.appendChild(img);
  }
  const text = document.createElement("div");
  text.className = "text";
  text.innerHTML = safeHtml(reply.text || "");
  div.appendChild(text);
  if (reply.document) {
    // A file bought (an e-book): a download link to the media directory the server serves.
    const link = document.createElement("a");
    link.className = "document";
    link.href = photoUrl(reply.document.path);
    link.download = reply.document.filename;
    link.textContent = "📄 " + reply.document.filename;
    div.appendChild(link);
  }
  if (reply.invoice) {
    const inv = document.createElement("div");
    inv.className = "invoice";
    inv.textContent = "Invoice: " + reply.invoice.title + " — " + money(reply.invoice.total_amount, reply.invoice.currency) + " ";
    const pay = document.createElement("button");
    pay.className = "pay";
    pay.textContent = "Pay (test payment)";
    pay.onclick = () => post("/api/pay", { invoice: reply.invoice });
    inv.appendChild(pay);
    div.appendChild(inv);
  }
  if (reply.buttons && reply.buttons.length) {
    const box = document.createElement("div");
    box.className = "buttons";
    for (const row of reply.buttons) {
      const r = document.createElement("div");
      r.className = "row";
      for (const b of row) {
        let el;
        if (b.url) {
          el = document.createElement("a");
          el.href = b.url;
          el.target = "_blank";
        } else {
          el = document.createElement("button");
          el.type = "button";
          el.onclick = () => { bubble("me").textContent = b.label; post("/api/press", { data: b.data }); };
        }
        el.textContent = b.label;
        r.appendChild(el);
      }
      box.appendChild(r);
    }
    div.appendChild(box);
  }
  log.scrollTop = log.scrollHeight;
}

async function post(path, body) {
  const wait = bubble("bot typing");
  wait.textContent = "…";
  try {
    const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" },
                                    body: JSON.stringify(body), credentials: "same-origin" });
    wait.remove();
    if (!res.ok) { bubble("bot").textContent = "Sorry, the shop did not answer (" + res.status + ")."; return; }
    const data = await res.json();
    for (const reply of data.replies) render(reply);
  } catch (err) {
    wait.remove();
    bubble("bot").textContent = "Sorry, the shop is unreachable. Is `shopbot web` still running?";
  }
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  bubble("me").textContent = text;
  input.value = "";
  post("/api/say", { text });
});

post("/api/say", { text: "/start" });
