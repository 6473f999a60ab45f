/* The console's one script, a file so that the Content-Security-Policy needs no inline script: a button with
   data-confirm asks before it submits. */
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
    }
});
