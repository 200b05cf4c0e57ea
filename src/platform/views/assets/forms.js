/*
 * dialogo — small progressive enhancements for forms. Served as is (no build step); every page works without it.
 *
 * 1. Moves focus to the error summary when a form comes back with problems (where `autofocus` did not).
 * 2. Tells the server the browser's time zone (cookie `tz`), so times are shown in the reader's zone.
 * 3. Long checkbox lists set out in groups: "choose all in this group", a count per group, a filter.
 * 4. Forms marked `data-keep` keep a copy of what is typed in this browser (localStorage) and offer it back
 *    after a dropped connection or a closed tab; the copy is dropped once the form was sent successfully.
 */
(function () {
  'use strict';

  // 1. Error summary focus.
  var summary = document.querySelector('[data-error-summary]');
  if (summary && document.activeElement !== summary) summary.focus();

  // 2. The reader's time zone, for the server's next pages.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && /^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone) && !new RegExp('(?:^|; )tz=' + encodeURIComponent(zone).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?:;|$)').test(document.cookie)) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax' + (location.protocol === 'https:' ? '; secure' : '');
    }
  } catch (e) {
    /* no Intl time zone: the server uses the account's or the Mechanism's zone */
  }

  // 3. Grouped checkbox lists.
  Array.prototype.forEach.call(document.querySelectorAll('[data-choice-groups]'), function (root) {
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || undefined) : null;
    var chosenText = function (n) {
      var form = plural && plural.select(n) === 'one' ? 'data-chosen-one' : 'data-chosen-other';
      return (root.getAttribute(form) || '{count}').replace('{count}', String(n));
    };
    var groups = root.querySelectorAll('.choice-group');
    function refresh(group) {
      var boxes = group.querySelectorAll('input[type=checkbox]');
      var n = 0;
      for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) n++;
      var count = group.querySelector('[data-count]');
      if (count) count.textContent = n ? '(' + chosenText(n) + ')' : '';
      var button = group.querySelector('[data-select-all]');
      if (button) button.textContent = n === boxes.length ? button.getAttribute('data-clear') : button.getAttribute('data-select');
    }
    Array.prototype.forEach.call(groups, function (group) {
      var button = group.querySelector('[data-select-all]');
      if (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
          var boxes = group.querySelectorAll('input[type=checkbox]');
          var all = true;
          for (var i = 0; i < boxes.length; i++) if (!boxes[i].checked) all = false;
          for (var j = 0; j < boxes.length; j++) boxes[j].checked = !all;
          refresh(group);
          group.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }
      group.addEventListener('change', function () {
        refresh(group);
      });
      refresh(group);
    });
    // A filter: typing shows only the matching options, opening the groups that have some.
    var id = (root.closest('.field') || root).id + '-filter';
    var wrap = document.createElement('div');
    wrap.className = 'choice-filter';
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = root.getAttribute('data-filter-label') || '';
    var input = document.createElement('input');
    input.type = 'search';
    input.id = id;
    input.setAttribute('data-no-keep', '');
    input.autocomplete = 'off';
    var none = document.createElement('p');
    none.className = 'hint';
    none.hidden = true;
    none.setAttribute('role', 'status');
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(none);
    root.parentNode.insertBefore(wrap, root);
    var fold = function (s) {
      return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    };
    input.addEventListener('input', function () {
      var q = fold(input.value.trim());
      var shown = 0;
      Array.prototype.forEach.call(groups, function (group) {
        var any = false;
        Array.prototype.forEach.call(group.querySelectorAll('.choice'), function (choice) {
          var match = !q || fold(choice.textContent || '').indexOf(q) >= 0;
          choice.hidden = !match;
          if (match) any = true;
        });
        group.hidden = !any;
        if (q && any) group.open = true;
        if (any) shown++;
      });
      none.hidden = shown > 0;
      none.textContent = shown > 0 ? '' : root.getAttribute('data-none') || '';
    });
  });

  // 4. A copy of long forms in this browser.
  var store;
  try {
    store = window.localStorage;
    store.setItem('dialogo.probe', '1');
    store.removeItem('dialogo.probe');
  } catch (e) {
    store = null;
  }
  if (!store) return;
  var PREFIX = 'dialogo.keep:';
  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-keep]'));
  var here = {};
  forms.forEach(function (f) {
    here[f.getAttribute('data-keep')] = true;
  });
  // A form sent from this tab: if this page does not show it again, it was received — drop its copy.
  try {
    var sent = window.sessionStorage.getItem('dialogo.sent');
    if (sent) {
      window.sessionStorage.removeItem('dialogo.sent');
      if (!here[sent]) store.removeItem(PREFIX + sent);
    }
  } catch (e) {
    /* sessionStorage unavailable */
  }
  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.disabled || el.hasAttribute('data-no-keep')) return false;
      var type = (el.type || '').toLowerCase();
      return type !== 'password' && type !== 'file' && type !== 'hidden' && type !== 'submit' && type !== 'button' && type !== 'reset';
    });
  }
  function snapshot(form) {
    var out = [];
    fieldsOf(form).forEach(function (el) {
      var type = (el.type || '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') {
        if (el.checked) out.push([el.name, el.value]);
      } else if (el.multiple && el.options) {
        Array.prototype.forEach.call(el.options, function (o) {
          if (o.selected) out.push([el.name, o.value]);
        });
      } else out.push([el.name, el.value]);
    });
    return out;
  }
  function restore(form, pairs) {
    var byName = {};
    pairs.forEach(function (p) {
      (byName[p[0]] = byName[p[0]] || []).push(p[1]);
    });
    fieldsOf(form).forEach(function (el) {
      var vals = byName[el.name] || [];
      var type = (el.type || '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') el.checked = vals.indexOf(el.value) >= 0;
      else if (el.multiple && el.options) Array.prototype.forEach.call(el.options, function (o) { o.selected = vals.indexOf(o.value) >= 0; });
      else if (vals.length) el.value = vals.shift();
      if (vals.length && type !== 'checkbox' && type !== 'radio') byName[el.name] = vals;
    });
    Array.prototype.forEach.call(form.querySelectorAll('.choice-group'), function (g) {
      g.dispatchEvent(new Event('change'));
      if (g.querySelector('input:checked')) g.open = true;
    });
  }
  var same = function (a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  };
  forms.forEach(function (form) {
    var key = PREFIX + form.getAttribute('data-keep');
    var saved = null;
    try {
      saved = JSON.parse(store.getItem(key) || 'null');
    } catch (e) {
      saved = null;
    }
    var timer = null;
    var save = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        try {
          store.setItem(key, JSON.stringify({ at: new Date().toISOString(), fields: snapshot(form) }));
        } catch (e) {
          /* full or refused: the copy is never required */
        }
      }, 400);
    };
    form.addEventListener('submit', function () {
      clearTimeout(timer);
      try {
        store.setItem(key, JSON.stringify({ at: new Date().toISOString(), fields: snapshot(form) }));
        window.sessionStorage.setItem('dialogo.sent', form.getAttribute('data-keep'));
      } catch (e) {
        /* ignore */
      }
    });
    var offer = saved && saved.fields && !same(saved.fields, snapshot(form)) && !form.querySelector('[data-error-summary]');
    if (!offer) {
      form.addEventListener('input', save);
      form.addEventListener('change', save);
      return;
    }
    var when = new Date(saved.at);
    var whenText = isNaN(when.getTime()) ? '' : when.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    var box = document.createElement('div');
    box.className = 'notice info keep-offer';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', form.getAttribute('data-keep-title') || '');
    var p = document.createElement('p');
    p.textContent = (form.getAttribute('data-keep-ask') || '').replace('{when}', whenText);
    var yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'button';
    yes.textContent = form.getAttribute('data-keep-restore') || 'OK';
    var no = document.createElement('button');
    no.type = 'button';
    no.className = 'button secondary';
    no.textContent = form.getAttribute('data-keep-discard') || '×';
    var actions = document.createElement('div');
    actions.className = 'actions';
    actions.appendChild(yes);
    actions.appendChild(no);
    box.appendChild(p);
    box.appendChild(actions);
    form.parentNode.insertBefore(box, form);
    var done = function () {
      box.parentNode.removeChild(box);
      form.addEventListener('input', save);
      form.addEventListener('change', save);
    };
    yes.addEventListener('click', function () {
      restore(form, saved.fields);
      done();
      var first = fieldsOf(form)[0];
      if (first) first.focus();
      save();
    });
    no.addEventListener('click', function () {
      store.removeItem(key);
      done();
      var first = fieldsOf(form)[0];
      if (first) first.focus();
    });
  });
})();
