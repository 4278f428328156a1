/*
 * Gestion commerciale — formulaire de demande à intégrer sur n'importe quel site.
 *   <div data-cm-request-form data-site-key="VOTRE-CLE"></div>
 *   <script src="https://<passerelle>/public/form.js" async></script>
 * Options (attributs du div) : data-lang="en" pour l'anglais.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = new URL("/public/requests", script ? script.src : window.location.href).toString();

  var texts = {
    fr: {
      name: "Nom et prénom", email: "Adresse e-mail", phone: "Téléphone", arrival: "Arrivée", departure: "Départ",
      adults: "Adultes", children: "Âges des enfants (séparés par des virgules)", message: "Votre message",
      consent: "J'accepte d'être recontacté(e) au sujet de ma demande.", send: "Envoyer ma demande", sending: "Envoi…",
      thanks: "Merci ! Votre demande est bien envoyée. Vous allez recevoir un e-mail de confirmation.",
      required: "Ce champ est obligatoire.", invalidEmail: "L'adresse e-mail n'est pas valide.",
      dates: "La date de départ doit être après la date d'arrivée.", consentRequired: "Votre accord est nécessaire pour être recontacté(e).",
      ages: "Indiquez des âges entre 0 et 17, séparés par des virgules.", failed: "L'envoi a échoué. Réessayez dans un instant.",
      tooMany: "Trop de demandes envoyées. Réessayez plus tard."
    },
    en: {
      name: "Full name", email: "Email address", phone: "Phone", arrival: "Arrival", departure: "Departure",
      adults: "Adults", children: "Children's ages (comma separated)", message: "Your message",
      consent: "I agree to be contacted about my request.", send: "Send my request", sending: "Sending…",
      thanks: "Thank you! Your request has been sent. You will receive a confirmation email.",
      required: "This field is required.", invalidEmail: "This email address is not valid.",
      dates: "Departure must be after arrival.", consentRequired: "Your consent is needed to contact you.",
      ages: "Enter ages from 0 to 17, separated by commas.", failed: "Sending failed. Please try again shortly.",
      tooMany: "Too many requests sent. Please try again later."
    }
  };

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }

  function field(id, label, input) {
    input.id = id;
    input.name = id;
    var error = element("div", { "class": "cm-error", "id": id + "-error", "aria-live": "polite" });
    input.setAttribute("aria-describedby", id + "-error");
    return element("div", { "class": "cm-field cm-field-" + id }, [element("label", { "for": id }, [label]), input, error]);
  }

  function render(container) {
    var lang = container.getAttribute("data-lang") === "en" ? "en" : "fr";
    var t = texts[lang];
    var siteKey = container.getAttribute("data-site-key") || "";
    var prefix = "cm-" + Math.random().toString(36).slice(2, 8) + "-";
    var form = element("form", { "class": "cm-request-form", "novalidate": "" });
    var inputs = {
      name: element("input", { type: "text", autocomplete: "name", maxlength: "200" }),
      email: element("input", { type: "email", autocomplete: "email" }),
      phone: element("input", { type: "tel", autocomplete: "tel" }),
      arrival: element("input", { type: "date" }),
      departure: element("input", { type: "date" }),
      adults: element("input", { type: "number", min: "1", max: "30", value: "2" }),
      childrenAges: element("input", { type: "text", inputmode: "numeric" }),
      message: element("textarea", { rows: "4", maxlength: "5000" }),
      consent: element("input", { type: "checkbox" }),
      homepage: element("input", { type: "text", tabindex: "-1", autocomplete: "off" })
    };
    var labels = { name: t.name, email: t.email, phone: t.phone, arrival: t.arrival, departure: t.departure, adults: t.adults, childrenAges: t.children, message: t.message };
    Object.keys(labels).forEach(function (key) { form.append(field(prefix + key, labels[key], inputs[key])); });
    inputs.consent.id = prefix + "consent";
    var consentError = element("div", { "class": "cm-error", "id": prefix + "consent-error", "aria-live": "polite" });
    form.append(element("div", { "class": "cm-field cm-consent" }, [inputs.consent, element("label", { "for": prefix + "consent" }, [t.consent]), consentError]));
    // The honeypot: hidden from people, tempting for robots.
    form.append(element("div", { "aria-hidden": "true", "style": "position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden" },
      [element("label", {}, ["Homepage"]), inputs.homepage]));
    var button = element("button", { type: "submit" }, [t.send]);
    var status = element("div", { "class": "cm-status", "role": "status" });
    form.append(button, status);
    container.replaceChildren(form);

    function setError(key, message) {
      var target = form.querySelector("#" + prefix + key + "-error");
      if (target) { target.textContent = message || ""; }
    }

    function ages() {
      var raw = inputs.childrenAges.value.trim();
      if (!raw) { return []; }
      return raw.split(/[,; ]+/).filter(Boolean).map(Number);
    }

    function validate() {
      var ok = true;
      Object.keys(labels).concat(["consent"]).forEach(function (key) { setError(key, ""); });
      if (!inputs.name.value.trim()) { setError("name", t.required); ok = false; }
      if (!inputs.email.value.trim()) { setError("email", t.required); ok = false; }
      else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(inputs.email.value.trim())) { setError("email", t.invalidEmail); ok = false; }
      if (inputs.arrival.value && inputs.departure.value && inputs.departure.value <= inputs.arrival.value) { setError("departure", t.dates); ok = false; }
      if (ages().some(function (age) { return !(age >= 0 && age <= 17 && Math.floor(age) === age); })) { setError("childrenAges", t.ages); ok = false; }
      if (!inputs.consent.checked) { setError("consent", t.consentRequired); ok = false; }
      return ok;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = "";
      if (!validate()) { return; }
      button.disabled = true;
      button.textContent = t.sending;
      var body = {
        siteKey: siteKey, name: inputs.name.value.trim(), email: inputs.email.value.trim(), phone: inputs.phone.value.trim() || null,
        arrival: inputs.arrival.value || null, departure: inputs.departure.value || null, adults: Number(inputs.adults.value || 1),
        childrenAges: ages(), message: inputs.message.value.trim() || null, consent: inputs.consent.checked, language: lang,
        homepage: inputs.homepage.value || null
      };
      fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), mode: "cors" })
        .then(function (response) {
          if (response.status === 202) {
            container.replaceChildren(element("div", { "class": "cm-thanks", "role": "status" }, [t.thanks]));
            return;
          }
          return response.json().catch(function () { return {}; }).then(function (problem) {
            var errors = problem.errors || {};
            var mapped = { childrenAges: "childrenAges" };
            Object.keys(errors).forEach(function (key) { setError(mapped[key] || key, errors[key][0]); });
            status.textContent = response.status === 429 ? t.tooMany : (problem.title || t.failed);
          });
        })
        .catch(function () { status.textContent = t.failed; })
        .finally(function () { button.disabled = false; button.textContent = t.send; });
    });
  }

  function start() {
    document.querySelectorAll("[data-cm-request-form]").forEach(render);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
