from wagtail import hooks

from . import confirmation


@hooks.register("register_log_actions")
def register_confirmation_log_actions(actions):
    for action, label in confirmation.LOG_ACTIONS:
        actions.register_action(action, label, label)
