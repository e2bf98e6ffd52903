/*
 * The offer form opened from a need (/zostan-realizatorem/?potrzeba=<id>): the need's name is
 * filled in, taken from the form's own list of needs. Without JavaScript the field is empty.
 */
const wanted = new URLSearchParams(window.location.search).get("potrzeba");
const field = document.querySelector("input[list='needs-list']");

if (wanted && field && !field.value) {
  for (const option of document.querySelectorAll("#needs-list option")) {
    if (option.dataset.need === wanted) {
      field.value = option.value;
      break;
    }
  }
}
