// Pages through one list of the API: "Previous" and "Next" buttons under its table, and where the
// page is ("21–40 of 1 000 000", "of about" when the server estimated the total). The server keeps
// no state: the pager remembers the cursor of each page it has shown, so "Previous" goes back.
import { apiPage } from "./api.js";
import { el } from "./ui.js";

const NUMBER = new Intl.NumberFormat();

export class Pager {
  // `after`: the element the pager's bar follows; `path`: the list's URL; `noun`: "tokens", "users";
  // `render(items)` shows a page.
  constructor({ after, path, noun, limit = 20, render }) {
    this.path = path;
    this.noun = noun;
    this.limit = limit;
    this.render = render;
    this.params = {};
    this.cursors = [null];
    this.index = 0;
    this.total = null;
    this.previous = el("button", { type: "button", class: "pager-previous", text: "Previous" });
    this.next = el("button", { type: "button", class: "pager-next", text: "Next" });
    this.status = el("span", { class: "pager-status muted", role: "status" });
    this.bar = el("nav", { class: "pager", "aria-label": `Pages of ${noun}` }, this.previous, this.status, this.next);
    this.bar.hidden = true;
    after.after(this.bar);
    this.previous.addEventListener("click", () => this.go(this.index - 1));
    this.next.addEventListener("click", () => this.go(this.index + 1));
  }

  // Shows the first page of the list with these filters (query parameters).
  async search(params = {}) {
    this.params = params;
    this.cursors = [null];
    return this.go(0);
  }

  // Shows the current page again (after a change), or the first one.
  reload() {
    return this.go(this.index);
  }

  async go(index) {
    const page = await apiPage(this.path, { ...this.params, limit: String(this.limit) }, this.cursors[index]);
    if (page.items.length === 0 && index > 0) {
      // the page emptied meanwhile (its tokens were deleted): show the one before
      this.cursors.length = index;
      return this.go(index - 1);
    }
    this.index = index;
    this.cursors.length = index + 1;
    // the server counts on the first page only
    if (index === 0) this.total = page.total === null ? null : { value: page.total, exact: page.exact };
    if (page.next) this.cursors.push(page.next);
    this.previous.disabled = index === 0;
    this.next.disabled = !page.next;
    const first = index * this.limit + 1;
    const last = index * this.limit + page.items.length;
    const total = this.total
      ? ` of ${this.total.exact ? "" : "about "}${NUMBER.format(this.total.value)} ${this.noun}`
      : "";
    this.status.textContent = page.items.length === 0 ? "" : `${NUMBER.format(first)}–${NUMBER.format(last)}${total}`;
    this.bar.hidden = index === 0 && !page.next;
    this.render(page.items);
    return page;
  }
}
